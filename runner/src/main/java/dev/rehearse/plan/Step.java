package dev.rehearse.plan;

import java.util.List;

/** One unit of a plan, in guide order. Text is as the guide shows it; bindings are applied when it runs. */
public sealed interface Step permits CommandStep, WriteStep, EditStep {

    /** 1-based position in the plan */
    int n();

    /** the file the step comes from, relative to the guide's root (an include keeps its own) */
    String source();

    /** the line of the step's first line in {@link #source()} */
    int line();

    List<String> section();

    String kind();

    /** how it is run and judged (the sidecar's rules over the defaults) */
    StepPolicy policy();

    /** What the step types or writes: the text bindings are applied to (a file step's path aside). */
    List<String> typed();

    /** The same step, run and judged by {@code policy}. */
    Step withPolicy(StepPolicy policy);
}
