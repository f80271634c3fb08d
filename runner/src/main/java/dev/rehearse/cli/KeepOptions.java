package dev.rehearse.cli;

import dev.rehearse.run.Rehearsal;
import picocli.CommandLine.Option;

/** What is kept of a run, for the commands that run whole runbooks ({@code run}, {@code matrix}): a picocli mixin. */
final class KeepOptions {

    @Option(names = "--keep", description = "keep what the target made for the run (sandbox, user, container) in "
            + "place to look into")
    boolean keep;

    @Option(names = "--keep-going", description = "go on after a FAIL instead of skipping the rest")
    boolean keepGoing;

    Rehearsal applyTo(Rehearsal rehearsal) {
        return rehearsal.withKeepGoing(keepGoing).withKeep(keep);
    }
}
