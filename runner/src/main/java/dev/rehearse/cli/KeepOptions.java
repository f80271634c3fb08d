package dev.rehearse.cli;

import dev.rehearse.cli.args.Arguments;
import dev.rehearse.cli.args.Option;
import dev.rehearse.run.Rehearsal;

import java.util.List;

/** What is kept of a run, for the commands that run whole runbooks ({@code run}, {@code matrix}, {@code runs}). */
final class KeepOptions {

    private static final Option<Boolean> KEEP = Option.flag("--keep", "keep what the target made for the run "
            + "(sandbox, user, container) in place to look into");

    private static final Option<Boolean> KEEP_GOING = Option.flag("--keep-going",
            "go on after a FAIL instead of skipping the rest");

    static final List<Option<?>> OPTIONS = List.of(KEEP, KEEP_GOING);

    private KeepOptions() {
    }

    static Rehearsal applyTo(Rehearsal rehearsal, Arguments given) {
        return rehearsal.withKeepGoing(given.get(KEEP_GOING)).withKeep(given.get(KEEP));
    }
}
