package dev.rehearse.plan;

import java.util.List;

/**
 * Merge a fragment into an existing file the prose names. {@code format} is the file's format (yaml, ini or
 * toml): the fragment's keys are set, every other line of the file kept (the YAML merge keeps comments, key
 * order and layout).
 */
public record EditStep(int n, String source, int line, List<String> section, String path, String format,
                       String fragment, StepPolicy policy) implements Step {

    @Override
    public String kind() {
        return "edit";
    }

    /** What the step does to its file, as plans and reports say it. */
    public String verb() {
        return "merge";
    }

    @Override
    public List<String> typed() {
        return List.of(fragment);
    }

    @Override
    public EditStep withPolicy(StepPolicy policy) {
        return new EditStep(n, source, line, section, path, format, fragment, policy);
    }
}
