package dev.rehearse.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.Plan;
import dev.rehearse.report.Reports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * For a {@code --from} or {@code --only} run: the values that the steps it skips captured when the same runbook last
 * ran on the same target (its {@code results.json}), bound as if just captured, so that the port {@code uberspace
 * port add} opened last time is typed again rather than the guide's example. Only from a run on the same target
 * (a fresh sandbox or container never is: what those steps did is not there), never over a {@code --bind}, and
 * never a secret (a report holds none: {@link SkippedCaptures} asks for those).
 */
final class EarlierCaptures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EarlierCaptures() {
    }

    /**
     * The plan with what the skipped steps captured in the run reported in {@code reportDir} bound; {@code plan}
     * itself when nothing is reused.
     *
     * @param say is told in one line what was reused and from where, if anything was
     * @throws dev.rehearse.guide.BadInput when a value read could inject shell syntax into a command
     */
    static Plan bind(Plan plan, StepSelection selection, Path reportDir, String target, Consumer<String> say) {
        Path results = reportDir.resolve(Reports.JSON);
        JsonNode root = read(results);
        if (root == null || !target.equals(root.path("summary").path("target").asText())) {
            return plan;
        }
        Bindings bindings = plan.bindings();
        List<String> reused = new ArrayList<>();
        for (JsonNode value : root.path("captured")) {
            int step = value.path("step").asInt();
            String literal = value.path("literal").asText("");
            Optional<Binding> now = bindings.get(literal);
            boolean skipped = step >= 1 && step <= plan.steps().size() && !selection.includes(step)
                    && plan.steps().get(step - 1) instanceof CommandStep c
                    && c.captures().stream().anyMatch(capture -> capture.literal().equals(literal));
            if (!skipped || now.map(b -> b.secret() || b.origin() == Binding.Origin.COMMAND_LINE).orElse(false)) {
                continue;
            }
            String real = value.path("value").asText();
            bindings.bind(new Binding(literal, real, Binding.Origin.CAPTURED, false),
                    new Bindings.Place(results + " (captured by step " + step + ")", 0));
            reused.add(literal + "=" + real + " (step " + step + ")");
        }
        if (reused.isEmpty()) {
            return plan;
        }
        // held to the rules of any captured value: a results file is text anyone could have edited
        Plan.checkBindings(bindings, plan.steps());
        say.accept("captured in the run reported in " + results + ": " + String.join(", ", reused));
        return plan.withBindings(bindings);
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
