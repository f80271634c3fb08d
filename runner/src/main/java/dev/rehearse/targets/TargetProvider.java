package dev.rehearse.targets;

import java.util.List;
import java.util.Optional;

/**
 * A kind of target, found through {@link java.util.ServiceLoader}: a class that implements this and a line naming
 * it in {@code META-INF/services/dev.rehearse.targets.TargetProvider}. {@link Targets#open} picks the provider
 * whose {@link #scheme()} starts the {@code --target} spec; the command line offers its {@link #options()}.
 * One instance serves every run of the process (runs of a matrix at once, too): a provider holds no state.
 * See docs/adding-a-target.md.
 */
public interface TargetProvider {

    /** What a spec of this kind starts with, before a colon or alone: {@code local}, {@code container}, {@code ssh}. */
    String scheme();

    /** The spec's forms, for help and for the error on an unknown spec: {@code local}, {@code local:DIR}. */
    List<String> forms();

    /** What such a target is, in a few words for {@code --help}: "a sandbox on this machine (DIR as HOME)". */
    String summary();

    /** The command-line options this kind reads from {@link TargetOptions#value(String)}; none by default. */
    default List<TargetOption> options() {
        return List.of();
    }

    /** The one of its own {@link #options()} named {@code name} ({@code --network}), if it has one. */
    default Optional<TargetOption> option(String name) {
        return options().stream().filter(o -> o.name().equals(name)).findFirst();
    }

    /** Whether a target of this kind reads the command-line option: one of its {@link #options()}, by default. */
    default boolean reads(String option) {
        return option(option).isPresent();
    }

    /**
     * Opens (makes, starts, connects to) a target for one run.
     *
     * @param spec    the whole spec, e.g. {@code local:/srv/try} or {@code ssh://isabell@stardust:2222}
     * @param options whether to keep what the target makes, and the values of its {@link #options()}
     * @throws dev.rehearse.guide.BadInput when the spec or an option is wrong, or what it needs is missing
     */
    Target open(String spec, TargetOptions options);

    /**
     * Starts, in the background, what {@link #open} and {@link #reapLeftovers} will need and takes long to get
     * ready (the container target's ssh:// engine), so that it is made while the runbook is read and planned; with
     * no effect on anything outside the process, and failing nothing itself (what failed is told by the call that
     * needs it). Nothing by default.
     *
     * @param spec    the spec the run will open
     * @param options the options the run opens its target with
     */
    default void prepare(String spec, TargetOptions options) {
    }

    /**
     * Removes what runs of this kind left behind when their process was killed, before a new one opens; only what
     * is provably theirs (stamped with {@link TargetOptions#stamp()}) and whose process is gone. Nothing by default.
     *
     * @param options the options the run opens its target with (the way to reach what is looked at)
     * @return one line for each thing removed
     */
    default List<String> reapLeftovers(TargetOptions options) {
        return List.of();
    }

    /**
     * Whether {@link #reapLeftovers} may run while the new target opens: what it removes never stands in the way of
     * the new one (a container of a dead run does not), where a sandbox's user it frees may be the one the new run
     * takes. False by default.
     */
    default boolean reapsAlongsideOpening() {
        return false;
    }

    /**
     * What each run of the spec is given afresh, in a few words ("a fresh container"), where a later run cannot go
     * on from one of this run's steps ({@code --from}): what the steps before it did is not where that run looks.
     * Empty where a later run of the same spec finds it (a host over ssh, a folder of one's own), as by default.
     *
     * @param spec the whole spec, as {@link #open} gets it
     */
    default Optional<String> afreshEachRun(String spec) {
        return Optional.empty();
    }

    /**
     * Whether a run may open such a target while it still reads and checks its guide: opening asks nothing (no
     * passphrase) and can be undone when the guide turns out wrong: the run asks the opening to stop
     * ({@link TargetOptions#stop()}), then closes what it opened. False by default.
     */
    default boolean opensAlongsideReading() {
        return false;
    }
}
