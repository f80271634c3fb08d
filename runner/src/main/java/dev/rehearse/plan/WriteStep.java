package dev.rehearse.plan;

import java.util.List;

/**
 * Put the block's content in a file. {@code path} as the guide names it (may start with {@code ~/} or hold
 * {@code $HOME}, {@code $USER}). A create makes the file, and replaces it only when it did not exist before the run
 * (the run made it); an append adds the content to the end of what is there.
 *
 * @param append the guide says to add to the file ("add the following to", "append"), not to create it
 */
public record WriteStep(int n, String source, int line, List<String> section, String path, String content,
                        StepPolicy policy, boolean append) implements Step {

    /** A create. */
    public WriteStep(int n, String source, int line, List<String> section, String path, String content,
                     StepPolicy policy) {
        this(n, source, line, section, path, content, policy, false);
    }

    @Override
    public String kind() {
        return "write";
    }

    /** What the step does to its file, as plans and reports say it: {@code create} or {@code append}. */
    public String verb() {
        return append ? "append" : "create";
    }

    @Override
    public List<String> typed() {
        return List.of(content);
    }

    @Override
    public WriteStep withPolicy(StepPolicy policy) {
        return new WriteStep(n, source, line, section, path, content, policy, append);
    }
}
