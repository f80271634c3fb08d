package dev.rehearse.bench;

import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import dev.rehearse.lint.LintRule;
import dev.rehearse.lint.LintedGuide;
import dev.rehearse.lint.Linter;
import dev.rehearse.read.Guides;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Lint's findings over the corpus next to their judgments (runner/src/test/resources/lint-judgments.tsv: each finding
 * read against its guide, true or false with why). Shared by {@link LintPrecisionBenchmark}, which prints the figures,
 * and the conformance test that holds them.
 */
public record LintPrecision(Map<String, int[]> byRule, List<String> unjudged, List<String> errorsFalse) {

    /** The counts of one rule: true, false, unjudged. */
    public static final int TRUE = 0;
    public static final int FALSE = 1;
    public static final int UNJUDGED = 2;

    /** Lints every guide_*.rst of {@code lab} with every rule and looks each finding up in the judgments. */
    public static LintPrecision measure(Path lab) {
        Map<String, Boolean> judged = judgments();
        Map<String, int[]> byRule = new TreeMap<>();
        List<String> unjudged = new ArrayList<>();
        List<String> errorsFalse = new ArrayList<>();
        try (Stream<Path> files = Files.list(lab)) {
            for (Path file : files.filter(p -> p.getFileName().toString().startsWith("guide_")).sorted().toList()) {
                Guide guide = Guides.read(file);
                LintedGuide linted = new LintedGuide(guide);
                for (LintRule rule : Linter.RULES) {
                    for (Finding f : rule.check(linted)) {
                        String key = file.getFileName() + "\t" + f.source() + ":" + f.line() + "\t" + f.rule();
                        int[] counts = byRule.computeIfAbsent(f.rule(), k -> new int[3]);
                        Boolean verdict = judged.get(key);
                        String shown = key.replace('\t', ' ') + ": " + f.message();
                        if (verdict == null) {
                            counts[UNJUDGED]++;
                            unjudged.add(shown);
                        } else if (verdict) {
                            counts[TRUE]++;
                        } else {
                            counts[FALSE]++;
                            if (f.level() == Finding.Level.ERROR) {
                                errorsFalse.add(shown);
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LintPrecision(byRule, unjudged, errorsFalse);
    }

    public int count(int which) {
        return byRule.values().stream().mapToInt(c -> c[which]).sum();
    }

    /** The share of judged findings that are true, in percent. */
    public double percentTrue() {
        return 100.0 * count(TRUE) / Math.max(1, count(TRUE) + count(FALSE));
    }

    public String summary() {
        return String.format("lint precision over the corpus: %d of %d judged findings true (%.1f %%), %d unjudged, "
                + "%d error-level false", count(TRUE), count(TRUE) + count(FALSE), percentTrue(), count(UNJUDGED),
                errorsFalse.size());
    }

    private static Map<String, Boolean> judgments() {
        Map<String, Boolean> judged = new HashMap<>();
        try (InputStream in = LintPrecision.class.getResourceAsStream("/lint-judgments.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                judged.put(f[0] + "\t" + f[1] + "\t" + f[2], Boolean.parseBoolean(f[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return judged;
    }
}
