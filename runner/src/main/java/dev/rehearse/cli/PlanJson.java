package dev.rehearse.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.model.Interaction;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.CommandStep;
import dev.rehearse.plan.EditStep;
import dev.rehearse.plan.ExpectedLine;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.ShellPrompt;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.plan.WriteStep;

import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The plan as JSON: {@code {"runbook", "bindings": [...], "steps": [{"n", "kind", "source", "line", ...}]}}, with
 * {@code command} for commands and {@code path} for writes and edits. Text is shown with bindings applied and
 * secrets as their placeholder; a secret binding has no {@code value}.
 */
final class PlanJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PlanJson() {
    }

    static String render(Plan plan) {
        Bindings b = plan.bindings();
        ObjectNode root = JSON.createObjectNode();
        root.put("runbook", plan.name());
        ArrayNode bindings = root.putArray("bindings");
        for (Binding binding : b.all()) {
            ObjectNode n = bindings.addObject().put("literal", binding.literal());
            if (!binding.secret()) {
                n.put("value", binding.value());
            }
            n.put("origin", binding.origin().name().toLowerCase(Locale.ROOT)).put("secret", binding.secret());
        }
        ArrayNode steps = root.putArray("steps");
        for (Step step : plan.steps()) {
            ObjectNode n = steps.addObject().put("n", step.n()).put("kind", step.kind()).put("source", step.source())
                    .put("line", step.line());
            step.section().forEach(n.putArray("section")::add);
            if (step instanceof CommandStep c) {
                command(n, c, b);
            } else if (step instanceof WriteStep w) {
                n.put("path", b.preview(w.path())).put("content", b.preview(w.content()));
                policy(n, w.policy());
            } else if (step instanceof EditStep e) {
                n.put("path", b.preview(e.path())).put("format", e.format()).put("fragment", b.preview(e.fragment()));
                policy(n, e.policy());
            }
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void command(ObjectNode n, CommandStep c, Bindings b) {
        n.put("command", b.preview(c.command())).put("opens_shell", c.opensShell());
        ShellPrompt p = c.prompt();
        if (p == null) {
            n.putNull("prompt"); // typed with no prompt shown: a script block's commands, a REPL started for its lines
        } else {
            n.putObject("prompt").put("user", p.user()).put("host", p.host()).put("cwd", p.cwd())
                    .put("venv", p.venv()).put("sigil", p.sigil());
        }
        ArrayNode expected = n.putArray("expected");
        for (ExpectedLine e : c.expected()) {
            ObjectNode line = expected.addObject().put("line", e.sourceLine()).put("kind", e.kind().name().toLowerCase(Locale.ROOT))
                    .put("text", b.preview(e.text()));
            if (e.prompt() != null) {
                line.put("prompt", b.preview(e.prompt())).put("answer", b.preview(e.answer()));
            }
        }
        ArrayNode interactions = n.putArray("interactions");
        for (Interaction i : c.interactions()) {
            interactions.addObject().put("prompt", b.preview(i.prompt())).put("answer", b.preview(i.answer()))
                    .put("hidden", i.hidden()).put("eof", i.eof()).put("binding", i.binding());
        }
        ArrayNode captures = n.putArray("captures");
        for (Capture capture : c.captures()) {
            captures.addObject().put("literal", capture.literal()).put("regex", capture.regex());
        }
        policy(n, c.policy());
    }

    private static void policy(ObjectNode n, StepPolicy p) {
        ObjectNode policy = n.putObject("policy").put("timeout_seconds", p.timeout().toSeconds())
                .put("eventually", p.eventually()).put("skip", p.skip()).put("expect_exit", p.expectExit());
        if (p.ready() != null) {
            policy.putObject("ready").put("kind", p.ready().kind().name().toLowerCase()).put("what", p.ready().what())
                    .put("timeout_seconds", p.ready().timeout().toSeconds());
        }
    }
}
