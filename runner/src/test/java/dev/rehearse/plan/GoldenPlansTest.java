package dev.rehearse.plan;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.rehearse.testing.OracleGuides;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The golden set: approved plans of 20 corpus guides of varied shape, each read line by line against its guide
 * (golden/REVIEW.md says who read which, when, and what was accepted). The guides are other people's texts under a
 * licence that keeps them out of this repository, so a snapshot holds none of their text: a command, a captured
 * value or words a reason quotes are the first 8 hex digits of the SHA-256 of the exact text; kinds, places, counts,
 * file actions, the planner's own reasons and the paths it resolved are ours. On a change the test prints each new line with the text
 * it stands for, read from the corpus; {@code -Drehearse.golden.render=DIR} writes every plan with its text there for
 * a review. After reading a change against the guide, re-approve with {@code -Drehearse.approve=true}
 * (docs/runbook.md, "The golden set").
 */
@Tag("conformance")
class GoldenPlansTest {
    static final List<String> GUIDES = List.of("aptly", "bookstack", "commento", "django", "filebrowser", "flask",
            "gitea", "homeassistant", "isso", "jekyll", "miniflux", "mosquitto", "mumble", "pixelfed", "prosody",
            "readeck", "roundcube", "starship", "taskd", "wordpress-bedrock");

    private static Path golden() {
        return OracleGuides.root().resolve("runner/src/test/resources/golden");
    }

    /** One line per step as the snapshot keeps it: the guide's text as digests. */
    static List<String> snapshot(Plan plan) {
        return lines(plan, GoldenPlansTest::digest);
    }

    /** The same lines with the guide's text in place of each digest (first line of a command), for a reader. */
    static List<String> readable(Plan plan) {
        return lines(plan, text -> text.lines().findFirst().orElse("") + (text.contains("\n") ? " ..." : ""));
    }

    /** What the plan does at each step, and the blocks that are no step with why; {@code quote} renders guide text. */
    private static List<String> lines(Plan plan, Function<String, String> quote) {
        List<String> lines = new ArrayList<>();
        for (Step step : plan.steps()) {
            String what = step instanceof CommandStep c ? "$ " + quote.apply(c.command())
                    + (c.interactions().isEmpty() ? "" : "  [" + c.interactions().size() + " answered]")
                    + (c.captures().isEmpty() ? "" : "  [captures " + String.join(", ",
                    c.captures().stream().map(k -> quote.apply(k.literal())).toList()) + "]")
                    : step instanceof WriteStep w ? w.verb() + " " + w.path()
                    : ((EditStep) step).verb() + " " + ((EditStep) step).path();
            lines.add(String.format("%3d %-7s %s:%d  %s%s", step.n(), step.kind(), step.source(), step.line(), what,
                    step.policy().skip() == null ? "" : "  SKIP " + quoted(step.policy().skip(), quote)));
        }
        plan.notSteps().forEach(n -> lines.add("  - no step " + n.source() + ":" + n.line() + "  " + quoted(n.why(), quote)));
        plan.unbound().forEach(p -> lines.add("  ! unbound " + p.literal() + " " + p.source() + ":" + p.line()));
        return lines;
    }

    /** A reason of ours with the guide's words it quotes ({@code the guide says "..."}) rendered by {@code quote}. */
    private static String quoted(String reason, Function<String, String> quote) {
        return Pattern.compile("\"([^\"]+)\"").matcher(reason).replaceAll(m -> Matcher.quoteReplacement(
                "\"" + quote.apply(m.group(1)) + "\""));
    }

    /** The first 8 hex digits of the SHA-256 of the exact text, marked so that a reader knows it stands for text. */
    static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "#" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyGoldenPlanIsAsApproved() throws IOException {
        boolean approve = Boolean.getBoolean("rehearse.approve");
        String render = System.getProperty("rehearse.golden.render", "");
        List<String> changed = new ArrayList<>();
        for (String name : GUIDES) {
            Plan plan = UntunedCorpusTest.plan(name);
            List<String> now = snapshot(plan);
            List<String> text = readable(plan);
            if (!render.isEmpty()) {
                Path dir = Files.createDirectories(Path.of(render));
                Files.writeString(dir.resolve(name + ".plan"), String.join("\n", text) + "\n");
            }
            Path file = golden().resolve(name + ".plan");
            if (approve) {
                Files.writeString(file, String.join("\n", now) + "\n");
                continue;
            }
            List<String> approved = Files.exists(file) ? Files.readString(file).lines().toList() : List.of();
            if (!approved.equals(now)) {
                changed.add(change(name, approved, now, text));
            }
        }
        if (!changed.isEmpty()) {
            fail(changed.size() + " golden plan(s) changed; read each change against its guide, then re-approve with "
                    + "-Drehearse.approve=true:\n" + String.join("\n", changed));
        }
        assertEquals(20, GUIDES.size());
    }

    /** The changed lines: approved ones as they are kept, new ones with the guide's text beside them. */
    private static String change(String name, List<String> approved, List<String> now, List<String> text) {
        StringBuilder out = new StringBuilder("golden/" + name + ".plan:\n");
        for (AbstractDelta<String> delta : DiffUtils.diff(approved, now).getDeltas()) {
            delta.getSource().getLines().forEach(l -> out.append("- ").append(l).append('\n'));
            int at = delta.getTarget().getPosition();
            for (int i = 0; i < delta.getTarget().size(); i++) {
                out.append("+ ").append(now.get(at + i)).append("\n      = ").append(text.get(at + i)).append('\n');
            }
        }
        return out.toString();
    }
}
