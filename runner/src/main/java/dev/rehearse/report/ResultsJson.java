package dev.rehearse.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.rehearse.check.CheckResult;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.model.CapturedValue;
import dev.rehearse.plan.Step;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code results.json}: {@code {"steps": [...], "summary": {...}}}. Each step has {@code n, kind, source, line,
 * verdict, exit, expected, actual, diff}, then {@code reason, elapsed_ms, section} and {@code command} (a command
 * step) or {@code path} (a file step). {@code exit} is null for a step that did not run (or not to its end).
 * {@code captured} lists what the steps captured, {@code step, literal, value}, secrets left out: what a later
 * {@code --from} run reuses. {@code checks} has a record of each of the sidecar's checks for each step it followed
 * ({@code name, file, line, after, verdict, reason, elapsed_ms}): PASS, FAIL, or SKIP with why it did not run;
 * {@code after} is null for a check no step of the run was for. {@code run} says which run it is ({@code id,
 * started_at, pid}), which run it built on ({@code resumes}), which steps are done on its target ({@code covers})
 * and the values the runbook's vars took ({@code vars}, {@link VarsJson}). The summary's {@code interrupted_at}
 * is the step a stopped run stopped at (its status INTERRUPTED), else null.
 */
final class ResultsJson {
    /** a generator's factory alone: no object mapper to set up for a record written field by field */
    private static final JsonFactory JSON = new JsonFactory();

    private ResultsJson() {
    }

    /** Writes the record as it goes, not as a tree first: a run of 20,000 steps writes it every second. */
    static void write(RunReport report, Writer to) throws IOException {
        try (JsonGenerator g = JSON.createGenerator(to)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter());
            // the file's own writer goes on after the document
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.writeStartObject();
            g.writeArrayFieldStart("steps");
            for (StepResult result : report.results()) {
                Step step = result.step();
                g.writeStartObject();
                g.writeNumberField("n", step.n());
                g.writeStringField("kind", step.kind());
                g.writeStringField("source", step.source());
                g.writeNumberField("line", step.line());
                g.writeStringField("verdict", result.verdict().name());
                if (result.verdict() == Verdict.SKIP || result.verdict() == Verdict.INTERRUPTED) {
                    g.writeNullField("exit");
                } else {
                    g.writeNumberField("exit", result.exit());
                }
                g.writeStringField("expected", result.expected());
                g.writeStringField("actual", result.actual());
                g.writeStringField("diff", result.diff() == null ? "" : result.diff());
                g.writeStringField("reason", result.reason());
                g.writeNumberField("elapsed_ms", result.elapsed() == null ? 0 : result.elapsed().toMillis());
                g.writeArrayFieldStart("section");
                for (String heading : step.section()) {
                    g.writeString(heading);
                }
                g.writeEndArray();
                g.writeStringField(step.kind().equals("command") ? "command" : "path", StepText.subject(step));
                if (StepText.verb(step) != null) {
                    g.writeStringField("verb", StepText.verb(step));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("captured");
            for (CapturedValue value : report.captured()) {
                g.writeStartObject();
                g.writeNumberField("step", value.step());
                g.writeStringField("literal", value.literal());
                g.writeStringField("value", value.value());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("checks");
            for (CheckResult check : report.checks()) {
                g.writeStartObject();
                g.writeStringField("name", check.name());
                g.writeStringField("file", check.file());
                g.writeNumberField("line", check.line());
                if (check.after() > 0) {
                    g.writeNumberField("after", check.after());
                } else {
                    g.writeNullField("after");
                }
                g.writeStringField("verdict", check.verdict().name());
                g.writeStringField("reason", check.reason());
                g.writeNumberField("elapsed_ms", check.elapsed().toMillis());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (report.origin() != null) {
                RunReport.Origin origin = report.origin();
                g.writeObjectFieldStart("run");
                g.writeStringField("id", origin.id());
                g.writeStringField("started_at", origin.startedAt());
                g.writeNumberField("pid", origin.pid());
                if (report.guide() != null) {
                    g.writeStringField("guide", report.guide().place());
                }
                g.writeStringField("resumes", origin.resumes());
                g.writeArrayFieldStart("covers");
                for (int n : report.covered()) {
                    g.writeNumber(n);
                }
                g.writeEndArray();
                VarsJson.write(g, report.vars());
                g.writeEndObject();
            }
            Summary summary = Summary.of(report);
            g.writeObjectFieldStart("summary");
            g.writeStringField("runbook", report.runbook());
            g.writeStringField("target", report.target());
            g.writeStringField("status", summary.status().name());
            g.writeNumberField("total", summary.total());
            g.writeNumberField("pass", summary.pass());
            g.writeNumberField("drift", summary.drift());
            g.writeNumberField("fail", summary.fail());
            g.writeNumberField("skip", summary.skip());
            g.writeNumberField("error", summary.error());
            g.writeNumberField("interrupted", summary.interrupted());
            if (summary.interruptedAt() > 0) {
                g.writeNumberField("interrupted_at", summary.interruptedAt());
            } else {
                g.writeNullField("interrupted_at");
            }
            g.writeNumberField("elapsed_ms", summary.elapsed().toMillis());
            g.writeEndObject();
            g.writeEndObject();
        }
        to.write("\n");
    }
}
