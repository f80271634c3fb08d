package dev.rehearse.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.model.CapturedValue;
import dev.rehearse.plan.Step;

/**
 * {@code results.json}: {@code {"steps": [...], "summary": {...}}}. Each step has {@code n, kind, source, line,
 * verdict, exit, expected, actual, diff}, then {@code reason, elapsed_ms, section} and {@code command} (a command
 * step) or {@code path} (a file step). {@code exit} is null for a step that did not run (or not to its end).
 * {@code captured} lists what the steps captured, {@code step, literal, value}, secrets left out: what a later
 * {@code --from} run reuses. {@code run} says which run it is ({@code id, started_at, pid}), which run it built on
 * ({@code resumes}) and which steps are done on its target ({@code covers}). The summary's {@code interrupted_at}
 * is the step a stopped run stopped at (its status INTERRUPTED), else null.
 */
final class ResultsJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    static String render(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode steps = root.putArray("steps");
        for (StepResult result : report.results()) {
            Step step = result.step();
            ObjectNode s = steps.addObject();
            s.put("n", step.n());
            s.put("kind", step.kind());
            s.put("source", step.source());
            s.put("line", step.line());
            s.put("verdict", result.verdict().name());
            if (result.verdict() == Verdict.SKIP || result.verdict() == Verdict.INTERRUPTED) {
                s.putNull("exit");
            } else {
                s.put("exit", result.exit());
            }
            s.put("expected", result.expected());
            s.put("actual", result.actual());
            s.put("diff", result.diff() == null ? "" : result.diff());
            s.put("reason", result.reason());
            s.put("elapsed_ms", result.elapsed() == null ? 0 : result.elapsed().toMillis());
            ArrayNode section = s.putArray("section");
            step.section().forEach(section::add);
            s.put(step.kind().equals("command") ? "command" : "path", StepText.subject(step));
            if (StepText.verb(step) != null) {
                s.put("verb", StepText.verb(step));
            }
        }
        ArrayNode captured = root.putArray("captured");
        for (CapturedValue value : report.captured()) {
            captured.addObject().put("step", value.step()).put("literal", value.literal()).put("value", value.value());
        }
        if (report.origin() != null) {
            RunReport.Origin origin = report.origin();
            ObjectNode run = root.putObject("run");
            run.put("id", origin.id());
            run.put("started_at", origin.startedAt());
            run.put("pid", origin.pid());
            if (report.guide() != null) {
                run.put("guide", report.guide().file().toAbsolutePath().normalize().toString());
            }
            run.put("resumes", origin.resumes());
            ArrayNode covers = run.putArray("covers");
            report.covered().forEach(covers::add);
        }
        Summary summary = Summary.of(report);
        ObjectNode sum = root.putObject("summary");
        sum.put("runbook", report.runbook());
        sum.put("target", report.target());
        sum.put("status", summary.status().name());
        sum.put("total", summary.total());
        sum.put("pass", summary.pass());
        sum.put("drift", summary.drift());
        sum.put("fail", summary.fail());
        sum.put("skip", summary.skip());
        sum.put("error", summary.error());
        sum.put("interrupted", summary.interrupted());
        if (summary.interruptedAt() > 0) {
            sum.put("interrupted_at", summary.interruptedAt());
        } else {
            sum.putNull("interrupted_at");
        }
        sum.put("elapsed_ms", summary.elapsed().toMillis());
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write results.json", e);
        }
    }
}
