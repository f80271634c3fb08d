package dev.rehearse.update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Step;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The drifted command steps of a run: one just made, or an earlier one read from its {@code results.json} and
 * matched to the plan of the guide as it is now. A step that moved since that run (the guide was edited) is
 * refused rather than guessed at.
 */
public final class ReportedDrifts {

    private ReportedDrifts() {
    }

    /** The drifted command steps of a run just made. */
    public static List<GuideUpdate.Drift> of(RunReport run) {
        return run.results().stream()
                .filter(r -> r.verdict() == Verdict.DRIFT && r.step() instanceof CommandStep)
                .map(r -> new GuideUpdate.Drift((CommandStep) r.step(), r.actual()))
                .toList();
    }

    /** The drifted command steps an earlier run recorded in {@code reportDir/results.json}. */
    public static List<GuideUpdate.Drift> read(Path reportDir, Plan plan) {
        Path results = reportDir.resolve(Reports.JSON);
        if (!Files.isDirectory(reportDir)) {
            throw new BadInput("--from-report " + reportDir, 0, Files.exists(reportDir)
                    ? "not a folder: give the report folder of a run (where its results.json is)"
                    : "no such folder: give the report folder of a run (where its results.json is)");
        }
        if (!Files.exists(results)) {
            throw new BadInput("--from-report " + reportDir, 0, "there is no " + Reports.JSON
                    + " in it: not the report folder of a run");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(results));
        } catch (JsonProcessingException e) {
            throw new BadInput(results.toString(), 0, "not a results file (not JSON: " + e.getOriginalMessage() + ")");
        } catch (AccessDeniedException e) {
            throw new BadInput(results.toString(), 0, "cannot read the run's results: permission denied");
        } catch (IOException e) {
            throw new BadInput(results.toString(), 0, "cannot read the run's results: " + e.getMessage());
        }
        String guide = root.path("run").path("guide").asText(null);
        if (guide != null && plan.guide() != null
                && !guide.equals(plan.guide().place())) {
            throw new BadInput("--from-report " + reportDir, 0, "this is a report of " + guide + ", not of "
                    + plan.guide().file() + ": give the report folder of a run of this guide");
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray()) {
            throw new BadInput(results.toString(), 0, "has no \"steps\" array: not a Rehearse results file");
        }
        List<GuideUpdate.Drift> drifts = new ArrayList<>();
        for (JsonNode reported : steps) {
            if (!"DRIFT".equals(reported.path("verdict").asText()) || !"command".equals(reported.path("kind").asText())) {
                continue;
            }
            int n = reported.path("n").asInt();
            drifts.add(new GuideUpdate.Drift(matching(plan, n, reported, results), reported.path("actual").asText("")));
        }
        return drifts;
    }

    private static CommandStep matching(Plan plan, int n, JsonNode reported, Path results) {
        String source = reported.path("source").asText();
        int line = reported.path("line").asInt();
        Step step = n >= 1 && n <= plan.steps().size() ? plan.steps().get(n - 1) : null;
        if (step instanceof CommandStep command && command.source().equals(source) && command.line() == line) {
            return command;
        }
        throw new BadInput(results.toString(), 0, "step " + n + " was at " + source + ":" + line
                + ", which the guide no longer has there: the guide changed since that run; run it again");
    }
}
