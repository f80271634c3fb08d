package dev.rehearse.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.files.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * TODO(session): TEMPORARY stand-in for the check helper's Reports (results.json only, plus a bare junit.xml
 * and report.html); take theirs in the merge.
 */
public final class Reports {
    private Reports() {
    }

    public static void writeAll(RunReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            List<Map<String, Object>> steps = new ArrayList<>();
            Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
            for (StepResult r : report.results()) {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("n", r.step().n());
                step.put("kind", r.step().kind());
                step.put("source", r.step().source());
                step.put("line", r.step().line());
                step.put("verdict", r.verdict().name());
                step.put("exit", r.exit());
                step.put("expected", r.expected());
                step.put("actual", r.actual());
                step.put("diff", r.diff());
                step.put("reason", r.reason());
                steps.add(step);
                counts.merge(r.verdict(), 1, Integer::sum);
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("steps", steps);
            json.put("summary", counts);
            AtomicFiles.write(dir.resolve("results.json"),
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json));
            AtomicFiles.write(dir.resolve("junit.xml"), "<testsuite name=\"" + report.runbook() + "\" tests=\""
                    + report.results().size() + "\"/>\n");
            AtomicFiles.write(dir.resolve("report.html"), "<!doctype html><title>" + report.runbook()
                    + "</title><p>" + counts + "</p>\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + dir, e);
        }
    }
}
