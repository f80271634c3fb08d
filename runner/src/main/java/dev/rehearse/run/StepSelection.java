package dev.rehearse.run;

import dev.rehearse.guide.BadInput;

/**
 * Which steps a run executes: all, from {@code --from N} on, or {@code --only A..B} (also {@code N}, {@code A..}).
 * The others get the verdict SKIP.
 */
public record StepSelection(int first, int last) {

    public static final StepSelection ALL = new StepSelection(1, Integer.MAX_VALUE);

    /** @throws BadInput naming the option when a number is not one */
    public static StepSelection of(Integer from, String only) {
        if (from != null && only != null) {
            throw new BadInput("--from", 0, "use either --from or --only, not both");
        }
        if (from != null) {
            return new StepSelection(positive("--from", String.valueOf(from)), Integer.MAX_VALUE);
        }
        if (only == null) {
            return ALL;
        }
        int dots = only.indexOf("..");
        if (dots < 0) {
            int n = positive("--only", only);
            return new StepSelection(n, n);
        }
        int first = positive("--only", only.substring(0, dots));
        String end = only.substring(dots + 2);
        int last = end.isEmpty() ? Integer.MAX_VALUE : positive("--only", end);
        if (last < first) {
            throw new BadInput("--only", 0, "'" + only + "' ends before it starts");
        }
        return new StepSelection(first, last);
    }

    private static int positive(String option, String text) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadInput(option, 0, "'" + text + "' is not a step number (1, 2, ...)");
    }

    public boolean includes(int n) {
        return n >= first && n <= last;
    }

    /** why a step outside the selection is skipped */
    public String skipReason() {
        if (last == Integer.MAX_VALUE) {
            return "before --from " + first;
        }
        return first == last ? "not --only " + first : "outside --only " + first + ".." + last;
    }
}
