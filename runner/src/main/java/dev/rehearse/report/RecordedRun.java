package dev.rehearse.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rehearse.check.CheckResult;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.CapturedValue;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A run read back from the {@code results.json} it wrote ({@link ResultsJson}): what {@code rehearse merge} compares
 * when the runs were made by other processes, on other machines. Each step comes back as what the record tells of
 * it (number, place, section, command or file and verb, verdict, output, diff, reason, time), the values its
 * runbook's vars took, and each check record, enough for every report; what only the plan knew (prompts, expected
 * lines, policies) is not in the record and not needed there.
 */
public final class RecordedRun {
    private RecordedRun() {
    }

    /** @throws BadInput naming the file when it is missing or not a Rehearse results file */
    public static RunReport read(Path dir) {
        Path file = dir.resolve(Reports.JSON);
        JsonNode root = JsonFile.read(file);
        JsonNode summary = root.get("summary");
        if (summary == null || !root.path("steps").isArray()) {
            throw new BadInput(file.toString(), 0, "not a Rehearse results file (no steps and summary)");
        }
        List<StepResult> results = new ArrayList<>();
        for (JsonNode s : root.get("steps")) {
            results.add(result(s, file));
        }
        List<CapturedValue> captured = new ArrayList<>();
        for (JsonNode c : root.path("captured")) {
            captured.add(new CapturedValue(c.path("step").asInt(), c.path("literal").asText(),
                    c.path("value").asText()));
        }
        List<CheckResult> checks = new ArrayList<>();
        for (JsonNode c : root.path("checks")) {
            checks.add(new CheckResult(c.path("name").asText(), c.path("file").asText(), c.path("line").asInt(),
                    c.path("after").asInt(0), verdict(c, "check '" + c.path("name").asText() + "'", file),
                    c.path("reason").asText(null), Duration.ofMillis(c.path("elapsed_ms").asLong())));
        }
        return new RunReport(summary.path("runbook").asText(), null, summary.path("target").asText(), results,
                Duration.ofMillis(summary.path("elapsed_ms").asLong()), captured, null,
                VarsJson.read(root.path("run").path(VarsJson.FIELD)), checks);
    }

    private static Verdict verdict(JsonNode record, String what, Path file) {
        try {
            return Verdict.valueOf(record.path("verdict").asText());
        } catch (IllegalArgumentException e) {
            throw new BadInput(file.toString(), 0, what + " has no verdict Rehearse gives: '"
                    + record.path("verdict").asText() + "'");
        }
    }

    private static StepResult result(JsonNode s, Path file) {
        return new StepResult(step(s), verdict(s, "step " + s.path("n").asInt(), file), s.path("exit").asInt(-1), s.path("expected").asText(""),
                s.path("actual").asText(""), s.path("diff").asText(""), s.path("reason").asText(null),
                Duration.ofMillis(s.path("elapsed_ms").asLong()));
    }

    private static Step step(JsonNode s) {
        int n = s.path("n").asInt();
        String source = s.path("source").asText();
        int line = s.path("line").asInt();
        List<String> section = new ArrayList<>();
        s.path("section").forEach(title -> section.add(title.asText()));
        String path = s.path("path").asText();
        return switch (s.path("kind").asText()) {
            case "write" -> new WriteStep(n, source, line, section, path, "", StepPolicy.DEFAULT,
                    "append".equals(s.path("verb").asText()));
            case "edit" -> new EditStep(n, source, line, section, path, "", "", StepPolicy.DEFAULT);
            default -> new CommandStep(n, source, line, section, s.path("command").asText(), null, List.of(), List.of(),
                    List.of(), StepPolicy.DEFAULT);
        };
    }
}
