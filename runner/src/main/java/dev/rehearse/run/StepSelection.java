package dev.rehearse.run;

import dev.rehearse.guide.BadInput;

/**
 * Which steps a run executes: all, from {@code --from N} on, or {@code --only A..B} (also {@code N}, {@code A..}).
 * The others get the verdict SKIP.
 */
public record StepSelection(int first, int last) {

    public static final StepSelection ALL = new StepSelection(1, Integer.MAX_VALUE);

    /**
     * Whether every step runs. Not {@code equals(ALL)}: a record's equals is bootstrapped on its first call, which a
     * short run would pay for this one comparison.
     */
    public boolean isAll() {
        return first == 1 && last == Integer.MAX_VALUE;
    }

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
        // a reversed range is refused by checkAgainst, which knows the plan's range to name
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

    /**
     * Holds the selection to a plan of {@code steps} steps, before anything starts: a selection that runs no step
     * of it (past its end, or a plan without steps) would open a target, skip everything and pass.
     *
     * @throws BadInput naming the option and the plan's range when no selected step is in the plan
     */
    public void checkAgainst(int steps) {
        if (isAll()) {
            return;
        }
        String range = steps == 0 ? "this plan has no steps" : "this plan has steps 1.." + steps;
        if (last < first) {
            throw new BadInput(option(), 0, "the range ends before it starts (selects no step): " + range);
        }
        int outside = first > steps ? first : last != Integer.MAX_VALUE && last > steps ? last : 0;
        if (outside > 0) {
            throw new BadInput(option(), 0, "step " + outside + " is past the last step: " + range);
        }
    }

    /** the option as given, for messages */
    private String option() {
        if (last == Integer.MAX_VALUE) {
            return "--from " + first;
        }
        return "--only " + (first == last ? String.valueOf(first) : first + ".." + last);
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
