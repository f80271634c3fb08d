package dev.rehearse.read.rst;

import java.util.ArrayList;
import java.util.List;

/**
 * A state's transitions in the order they are tried, with, for each ASCII first character of a line, only those
 * that can match a line starting with it. Most lines start with a letter, and the body state then tries two
 * transitions instead of fourteen.
 */
final class TransitionTable {

    private final Transition[] all;
    private final Transition[][] byFirstChar = new Transition[128][];

    TransitionTable(List<Transition> transitions) {
        all = transitions.toArray(new Transition[0]);
        for (char c = 0; c < byFirstChar.length; c++) {
            List<Transition> candidates = new ArrayList<>();
            for (Transition t : all) {
                if (t.mayStartWith(c)) {
                    candidates.add(t);
                }
            }
            byFirstChar[c] = candidates.toArray(new Transition[0]);
        }
    }

    /** Every transition, in order. */
    Transition[] all() {
        return all;
    }

    /** The transitions that can match {@code line}, in order (all of them for an empty line or one outside ASCII). */
    Transition[] candidates(String line) {
        if (line.isEmpty()) {
            return all;
        }
        char c = line.charAt(0);
        return c < byFirstChar.length ? byFirstChar[c] : all;
    }
}
