package dev.rehearse.plan;

import java.util.List;

/** Create (or replace) a file with the block's content. {@code path} as the guide names it (may start with ~/). */
public record WriteStep(int n, String source, int line, List<String> section, String path, String content,
                        StepPolicy policy) implements Step {

    @Override
    public String kind() {
        return "write";
    }

    @Override
    public List<String> typed() {
        return List.of(content);
    }
}
