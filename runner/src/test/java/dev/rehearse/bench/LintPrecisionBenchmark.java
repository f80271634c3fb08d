package dev.rehearse.bench;

import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.lint.LintRule;
import dev.rehearse.lint.LintedGuide;
import dev.rehearse.lint.Linter;
import dev.rehearse.read.Guides;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How many of lint's findings over the corpus are true: every finding was read against its guide and judged
 * (runner/src/test/resources/lint-judgments.tsv); a rule that fires on what a guide does on purpose (commands for
 * the reader's own machine, an optional line) is a false finding. Prints per rule and overall, and any finding not
 * judged yet (read it, then add it to the file). Argument: the shared folder.
 */
public final class LintPrecisionBenchmark {

    private LintPrecisionBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path lab = Path.of(args.length > 0 ? args[0] : "../../shared").resolve("corpus/lab");
        Map<String, Boolean> judged = judgments();
        Map<String, int[]> byRule = new TreeMap<>(); // true, false, unjudged
        int errorsFalse = 0;
        try (Stream<Path> files = Files.list(lab)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("guide_")).sorted().toList()) {
                Guide guide = Guides.read(file);
                LintedGuide linted = new LintedGuide(guide);
                for (LintRule rule : Linter.RULES) {
                    for (Finding f : rule.check(linted)) {
                        String key = file.getFileName() + "\t" + f.source() + ":" + f.line() + "\t" + f.rule();
                        int[] counts = byRule.computeIfAbsent(f.rule(), k -> new int[3]);
                        Boolean verdict = judged.get(key);
                        if (verdict == null) {
                            counts[2]++;
                            System.out.println("unjudged: " + key.replace('\t', ' ') + ": " + f.message());
                        } else if (verdict) {
                            counts[0]++;
                        } else {
                            counts[1]++;
                            errorsFalse += f.level() == Finding.Level.ERROR ? 1 : 0;
                        }
                    }
                }
            }
        }
        int[] all = new int[3];
        byRule.forEach((rule, c) -> {
            System.out.printf("%-16s %3d true, %2d false, %2d unjudged%n", rule, c[0], c[1], c[2]);
            for (int i = 0; i < 3; i++) {
                all[i] += c[i];
            }
        });
        System.out.printf("lint precision over the corpus: %d of %d judged findings true (%.1f %%), %d unjudged, "
                + "%d error-level false%n", all[0], all[0] + all[1], 100.0 * all[0] / Math.max(1, all[0] + all[1]), all[2],
                errorsFalse);
    }

    private static Map<String, Boolean> judgments() throws IOException {
        Map<String, Boolean> judged = new HashMap<>();
        try (InputStream in = LintPrecisionBenchmark.class.getResourceAsStream("/lint-judgments.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                judged.put(f[0] + "\t" + f[1] + "\t" + f[2], Boolean.parseBoolean(f[3]));
            }
        }
        return judged;
    }
}
