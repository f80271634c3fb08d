package dev.rehearse.testing;

import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.ShellPrompt;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.RunReport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run of a made-up guide of {@code $ echo N} steps, each followed by the line it prints, as the runner reports
 * it: every 97th step drifts (so the reports carry diffs), grouped {@code perBlock} steps to a literal block.
 * What the reports' speed is measured on, without running anything.
 */
public final class LongRun {
    private static final String SOURCE = "long.md";

    private LongRun() {
    }

    /** @param perBlock steps in one block: {@code steps} for one long block, 1 for a block per step */
    public static RunReport of(int steps, int perBlock, List<StepResult> results, List<Block> blocks) {
        List<String> section = List.of("Long", "Echoes");
        int line = 3;
        for (int first = 1; first <= steps; first += perBlock) {
            int last = Math.min(steps, first + perBlock - 1);
            int contentLine = line + 1;
            StringBuilder text = new StringBuilder();
            for (int n = first; n <= last; n++) {
                int at = contentLine + 2 * (n - first);
                text.append("$ echo ").append(n).append('\n').append(n).append(n == last ? "" : "\n");
                String shown = Integer.toString(n);
                CommandStep step = new CommandStep(n, SOURCE, at, section, "echo " + n,
                        new ShellPrompt(null, "alice", "box1", "~", "$"), List.of(ExpectedLine.output(at + 1, shown)),
                        List.of(), List.of(), StepPolicy.DEFAULT);
                boolean drift = n % 97 == 0;
                results.add(new StepResult(step, drift ? Verdict.DRIFT : Verdict.PASS, 0, shown,
                        drift ? shown + "0" : shown, drift ? "--- guide\n+++ actual\n@@ -1 +1 @@\n-" + shown + "\n+"
                        + shown + "0" : "", null, Duration.ofMillis(1)));
            }
            blocks.add(new Block("code", "console", "fence", SOURCE, line, contentLine, 0, Map.of(), List.of(), null,
                    List.of(), false, section, List.of(), "Some steps, the " + first + "th first:", text.toString()));
            line = contentLine + 2 * (last - first + 1) + 2;
        }
        Guide guide = new Guide(Path.of(SOURCE), Path.of("."), "markdown", "Long", blocks, List.of());
        return new RunReport("long", guide, "local", results, Duration.ofMillis(steps), List.of());
    }

    /** One long block of {@code steps} steps, in plain lists. */
    public static RunReport oneBlock(int steps) {
        return of(steps, steps, new ArrayList<>(), new ArrayList<>());
    }
}
