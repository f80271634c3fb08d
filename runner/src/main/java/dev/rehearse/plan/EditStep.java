package dev.rehearse.plan;

import java.util.List;

/**
 * Merge a fragment into an existing file the prose names. {@code format} is the fragment's language
 * (yaml first); the merge keeps the file's comments, key order and layout.
 */
public record EditStep(int n, String source, int line, List<String> section, String path, String format,
                       String fragment, StepPolicy policy) implements Step {

    @Override
    public String kind() {
        return "edit";
    }

    @Override
    public List<String> typed() {
        return List.of(fragment);
    }
}
