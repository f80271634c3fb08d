package dev.rehearse.targets;

/**
 * The most processes and threads a guide's commands may have at once where a target is made for the run (a local
 * sandbox's user, a container). A guide's servers and builds stay far below it; a fork bomb stops there instead of
 * taking every process id of the machine, and every process of Rehearse's and the machine's with them. A target the
 * reader owns (ssh) keeps the limits its system sets.
 */
public final class ProcessLimit {
    public static final int MOST_PROCESSES = 4096;

    private ProcessLimit() {
    }
}
