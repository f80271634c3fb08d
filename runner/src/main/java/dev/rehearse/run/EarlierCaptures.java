package dev.rehearse.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.model.CapturedValue;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.Step;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * For a {@code --from} or {@code --only} run: the record of the last run of the same runbook on the same target
 * (its {@code results.json}), when it covers every step this run skips before its first one (they PASSed or
 * DRIFTed there, or in the runs it built on). Then the values those steps captured are bound as if just captured,
 * so that the port {@code uberspace port add} opened last time is typed again rather than the guide's example,
 * and this run's record builds on that one. Only from a run on the same target (a fresh sandbox or container never
 * is: what those steps did is not there), never over a {@code --bind}, and never a secret (a report holds none:
 * {@link SkippedCaptures} asks for those). Whether it reuses a record or not, and why not, it says in one line.
 */
final class EarlierCaptures {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A record this run builds on.
     *
     * @param id        the earlier run's id
     * @param inherited the steps it covers that this run skips
     * @param captured  what those steps captured
     * @param plan      the plan with those values bound
     */
    record Adopted(String id, List<Integer> inherited, List<CapturedValue> captured, Plan plan) {
    }

    private EarlierCaptures() {
    }

    /**
     * What the skipped steps captured in the run recorded in {@code reportDir}, bound into
     * a new plan, when that record is of this runbook on this target and covers the steps skipped.
     *
     * @param say told in one line which run is reused, or why the record found is not
     * @throws dev.rehearse.guide.BadInput when a value read could inject shell syntax into a command
     */
    static Optional<Adopted> bind(Plan plan, StepSelection selection, Path reportDir, String target,
                                  Consumer<String> say) {
        List<Integer> needed = skippedBefore(plan, selection);
        Path results = reportDir.resolve(Reports.JSON);
        JsonNode root = needed.isEmpty() ? null : read(results);
        if (root == null) {
            return Optional.empty();
        }
        JsonNode summary = root.path("summary");
        String id = root.path("run").path("id").asText(null);
        String which = (id != null ? "run " + id : "the earlier run") + " (" + results + ")";
        String guide = root.path("run").path("guide").asText(null);
        boolean sameGuide = guide == null || plan.guide() == null || guide.equals(plan.guide().place());
        if (!plan.name().equals(summary.path("runbook").asText()) || !sameGuide) {
            say.accept("not reusing " + which + ": it ran another runbook");
            return Optional.empty();
        }
        if (!target.equals(summary.path("target").asText())) {
            say.accept("not reusing " + which + ": it ran on another target ("
                    + summary.path("target").asText() + "); what its steps did is not here");
            return Optional.empty();
        }
        TreeSet<Integer> missing = new TreeSet<>(needed);
        missing.removeAll(covered(root));
        if (!missing.isEmpty()) {
            JsonNode at = summary.path("interrupted_at");
            say.accept("not reusing " + which + ": it did not complete step" + (missing.size() > 1
                    ? "s " : " ") + join(missing) + (at.isInt() ? " (it was interrupted at step " + at.asInt() + ")" : ""));
            return Optional.empty();
        }
        Bindings bindings = plan.bindings();
        List<String> reused = new ArrayList<>();
        List<CapturedValue> kept = new ArrayList<>();
        for (JsonNode value : root.path("captured")) {
            int step = value.path("step").asInt();
            String literal = value.path("literal").asText("");
            String real = value.path("value").asText();
            if (!needed.contains(step)) {
                continue;
            }
            kept.add(new CapturedValue(step, literal, real));
            Optional<Binding> now = bindings.get(literal);
            boolean captures = plan.steps().get(step - 1) instanceof CommandStep c
                    && c.captures().stream().anyMatch(capture -> capture.literal().equals(literal));
            if (!captures || now.map(b -> b.secret() || b.origin() == Binding.Origin.COMMAND_LINE).orElse(false)) {
                continue;
            }
            bindings.bind(new Binding(literal, real, Binding.Origin.CAPTURED, false),
                    new Bindings.Place(results + " (captured by step " + step + ")", 0));
            reused.add(literal + "=" + real + " (step " + step + ")");
        }
        // held to the rules of any captured value: a results file is text anyone could have edited
        Plan.checkBindings(bindings, plan.steps());
        say.accept("building on " + which + ", which did step" + (needed.size() > 1 ? "s " : " ") + join(needed)
                + (reused.isEmpty() ? "" : "; reusing what it captured: " + String.join(", ", reused)));
        return Optional.of(new Adopted(id, needed, kept, plan.withBindings(bindings)));
    }

    /** The steps before the selection's first that would have run: those the target must have done already. */
    private static List<Integer> skippedBefore(Plan plan, StepSelection selection) {
        List<Integer> skipped = new ArrayList<>();
        for (Step step : plan.steps()) {
            if (step.n() < selection.first() && Runner.policy(step).skip() == null) {
                skipped.add(step.n());
            }
        }
        return skipped;
    }

    /** The steps a record says are done on its target: its {@code run.covers}, else (older ones) its PASS and DRIFT. */
    private static TreeSet<Integer> covered(JsonNode root) {
        TreeSet<Integer> covered = new TreeSet<>();
        if (root.path("run").path("covers").isArray()) {
            root.path("run").path("covers").forEach(n -> covered.add(n.asInt()));
            return covered;
        }
        for (JsonNode step : root.path("steps")) {
            String verdict = step.path("verdict").asText();
            if (verdict.equals("PASS") || verdict.equals("DRIFT")) {
                covered.add(step.path("n").asInt());
            }
        }
        return covered;
    }

    /** {@code 1..4}, or {@code 2, 5} */
    private static String join(Collection<Integer> steps) {
        List<Integer> list = new ArrayList<>(steps);
        boolean consecutive = list.get(list.size() - 1) - list.get(0) == list.size() - 1;
        return consecutive && list.size() > 2 ? list.get(0) + ".." + list.get(list.size() - 1)
                : String.join(", ", list.stream().map(String::valueOf).toList());
    }

    /** The results file as JSON; null when there is none or it is not one of ours (it is only a convenience). */
    private static JsonNode read(Path results) {
        if (!Files.isRegularFile(results)) {
            return null;
        }
        try {
            return JSON.readTree(Files.readString(results));
        } catch (IOException e) {
            return null;
        }
    }
}
