package dev.rehearse.model;

import java.time.Duration;

/**
 * Text a sidecar's own regular expression (a capture's) is matched against, within a time limit: an expression that
 * backtracks without end ({@code ((a+)+)+c} on forty {@code a}s) would otherwise hold the run, deaf to its timeout
 * and to a stop. The matcher reads the text through {@link #charAt}, which gives up once the time is out.
 */
public final class BoundedText implements CharSequence {
    /** what a sidecar's expression may take on one step's output; a sane one takes microseconds */
    public static final Duration LIMIT = Duration.ofSeconds(2);
    /** the clock is read once in this many characters read */
    private static final int CHECK_EVERY = 1 << 12;

    private final CharSequence text;
    private final long deadline;
    private int reads;

    private BoundedText(CharSequence text, long deadline) {
        this.text = text;
        this.deadline = deadline;
    }

    /** {@code text}, to be matched within {@link #LIMIT} from now */
    public static BoundedText of(CharSequence text) {
        return of(text, deadlineFromNow());
    }

    /** {@code text}, to be matched by {@code deadline} ({@link System#nanoTime()}): one limit for many pieces */
    public static BoundedText of(CharSequence text, long deadline) {
        return new BoundedText(text, deadline);
    }

    /** {@link #LIMIT} from now */
    public static long deadlineFromNow() {
        return System.nanoTime() + LIMIT.toNanos();
    }

    /** Thrown where the time is out. */
    public static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("the expression took longer than " + LIMIT.toSeconds() + " s", null, false, false);
        }

        /** What a message says of {@code expression} (the sidecar's) that gave up on {@code text}. */
        public static String told(String expression, String text) {
            return expression + " took longer than " + LIMIT.toSeconds() + " s on " + text
                    + " (it backtracks without end): make it simpler";
        }
    }

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0 && System.nanoTime() > deadline) {
            throw new TooSlow();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return new BoundedText(text.subSequence(start, end), deadline);
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
