package dev.rehearse.plan;

import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.Runbook.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunbookTest {
    @TempDir
    Path dir;

    private Path guide() throws IOException {
        return Files.writeString(dir.resolve("guide_demo.rst"), "Demo\n====\n");
    }

    private Path sidecar(String... lines) throws IOException {
        guide();
        return Files.writeString(dir.resolve("runbook.yaml"), String.join("\n", lines) + "\n");
    }

    private BadInput bad(String... lines) throws IOException {
        Path file = sidecar(lines);
        return assertThrows(BadInput.class, () -> Runbook.load(file));
    }

    @Test
    void aBareGuideIsARunbookWithDefaults() throws IOException {
        Path g = guide();
        for (Path given : List.of(dir, g)) {
            Runbook r = Runbook.load(given);
            assertEquals("guide_demo", r.name());
            assertEquals(g, r.guide());
            assertNull(r.sidecar());
            assertEquals(StepPolicy.DEFAULT, r.defaults());
            assertTrue(r.bindings().isEmpty() && r.answers().isEmpty() && r.steps().isEmpty() && r.checks().isEmpty());
        }
    }

    @Test
    void everySectionOfTheSidecarIsRead() throws IOException {
        Path file = sidecar(
                "guide: guide_demo.rst",
                "vars:",
                "  app_version: ~",
                "  channel: stable",
                "bindings:",
                "  <password>: {generate: secret}",
                "  \"8080\": {generate: port}",
                "  demo.example: {fact: domain}",
                "  \"4711\": {capture: 'listening on (\\d+)', step: 3}",
                "  <port>: {same_as: \"4711\"}",
                "  python3.6: python3",
                "  app: \"app==${app_version}-${channel}\"",
                "  token: {value: abc, secret: true}",
                "answers:",
                "  - prompt: '^Admin user:'",
                "    answer: admin",
                "  - prompt: 'Passphrase:'",
                "    binding: <password>",
                "    hidden: true",
                "steps:",
                "  - command: '^make$'",
                "    timeout: 90s",
                "    expect_exit: 2",
                "  - n: 4",
                "    skip: not on a test machine",
                "  - section: Updates",
                "    eventually: yes",
                "defaults:",
                "  timeout: 10m",
                "checks:",
                "  - name: it answers",
                "    after: {command: '^app start'}",
                "    command: curl -s localhost:8080",
                "    expect: ok",
                "  - command: test -f ~/app/ready",
                "    after: end",
                "target:",
                "  kind: ssh://demo@127.0.0.1:2222",
                "  network: host");
        Runbook r = Runbook.load(file);
        assertEquals(dir.getFileName().toString(), r.name());
        assertEquals(file, r.sidecar());
        assertEquals(dir.resolve("guide_demo.rst"), r.guide());
        assertEquals(2, r.vars().size());
        assertNull(r.vars().get("app_version"));
        assertEquals(List.of(ValueSource.GENERATE, ValueSource.GENERATE, ValueSource.FACT, ValueSource.CAPTURE,
                ValueSource.SAME_AS, ValueSource.VALUE, ValueSource.VALUE, ValueSource.VALUE),
                r.bindings().stream().map(Runbook.BindingRule::source).toList());
        assertTrue(r.bindings().get(0).secret(), "a generated secret is a secret");
        assertTrue(r.bindings().get(7).secret());
        assertEquals(3, r.bindings().get(3).step().n());
        assertEquals(9, r.bindings().get(3).line());
        assertEquals("listening on (\\d+)", r.bindings().get(3).argument());
        assertEquals("<password>", r.answers().get(1).binding());
        assertTrue(r.answers().get(1).hidden());
        assertEquals(15, r.answers().get(0).line());
        assertEquals(Duration.ofSeconds(90), r.steps().get(0).timeout());
        assertEquals(2, r.steps().get(0).expectExit());
        assertEquals("not on a test machine", r.steps().get(1).skip());
        assertEquals(true, r.steps().get(2).eventually());
        assertEquals(Duration.ofMinutes(10), r.defaults().timeout());
        assertEquals(2, r.checks().size());
        assertNull(r.checks().get(1).after());
        assertEquals("test -f ~/app/ready", r.checks().get(1).name());
        assertEquals(Map.of("kind", "ssh://demo@127.0.0.1:2222", "network", "host"), r.target());
    }

    @Test
    void aVariableNoBindingUsesIsRefusedAtItsLine() throws IOException {
        BadInput e = bad("vars:", "  workers: 2", "  channel: stable", "bindings:", "  \"4\": \"${workers}\"");
        assertEquals(3, e.line());
        assertTrue(e.getMessage().endsWith("variable 'channel' is declared but no binding uses ${channel}: binding it "
                + "would change nothing"), e.getMessage());
    }

    @Test
    void brokenYamlPointsAtItsLine() throws IOException {
        BadInput e = bad("bindings:", "  a: b", "   c: [unclosed");
        assertTrue(e.getMessage().startsWith(dir.resolve("runbook.yaml") + ":"), e.getMessage());
        assertTrue(e.line() >= 3, e.getMessage());
        assertTrue(e.problem().startsWith("not valid YAML"));
    }

    @Test
    void mistakesInTheSidecarPointAtTheirLine() throws IOException {
        assertEquals(2, bad("vars: {}", "bindigns: {}").line());
        assertTrue(bad("vars: {}", "bindigns: {}").problem().contains("unknown key \"bindigns\""));
        assertEquals(3, bad("bindings:", "  a: b", "  c: {value: d, fact: user}").line());
        assertEquals(2, bad("bindings:", "  c: {fact: shell}").line());
        assertEquals(2, bad("bindings:", "  c: {generate: uuid}").line());
        BadInput unknownVar = bad("bindings:", "  app: \"app==${version}\"");
        assertEquals(2, unknownVar.line());
        assertTrue(unknownVar.problem().contains("${version}"));
        assertEquals(2, bad("bindings:", "  c: {capture: '(unclosed'}").line());
        assertEquals(2, bad("bindings:", "  c: {same_as: nowhere}").line());
        assertEquals(2, bad("bindings:", "  c: {value: d, step: 3}").line());
        assertEquals(3, bad("bindings:", "  c: d", "  c: e").line());
        assertEquals(2, bad("answers:", "  - answer: yes").line());
        assertEquals(2, bad("answers:", "  - {prompt: 'x', answer: a, binding: b}").line());
        assertEquals(2, bad("steps:", "  - timeout: 5m").line());
        assertEquals(3, bad("steps:", "  - command: make", "    timeout: soon").line());
        assertEquals(2, bad("steps:", "  - {n: four}").line());
        assertEquals(3, bad("steps:", "  - n: 1", "    eventually: maybe").line());
        assertEquals(2, bad("checks:", "  - name: no command").line());
        assertEquals(2, bad("vars:", "  user: x").line());
        assertEquals(1, bad("guide: missing.rst").line());
        BadInput nul = bad("guide: \"g.md\\0\"");
        assertEquals(1, nul.line());
        assertEquals("guide holds a NUL character, which no path has", nul.problem());
        assertEquals(2, bad("include_roots:", "  - \"a\\0\"").line());
        assertEquals(1, bad("- just a list").line());
    }

    @Test
    void readinessEffectsAndVariablesThatFollowAFactAreRead() throws IOException {
        Runbook r = Runbook.load(sidecar(
                "vars:",
                "  version: {default: 1.0.0, fact: synapse_version}",
                "bindings:",
                "  matrix-synapse: \"matrix-synapse==${version}\"",
                "steps:",
                "  - command: '^supervisorctl status$'",
                "    ready: {http: 'https://my.domain.name:40132/', timeout: 3m}",
                "  - n: 2",
                "    ready: {port: \"8008\"}",
                "effects:",
                "  - '^(?<subject>\\S+) is (?<effect>up|down)$'"));
        assertEquals(Map.of("version", "1.0.0"), r.vars());
        assertEquals(Map.of("version", "synapse_version"), r.varFacts());
        assertEquals(new Readiness(Readiness.Kind.HTTP, "https://my.domain.name:40132/", java.time.Duration.ofMinutes(3)),
                r.steps().get(0).ready());
        assertEquals(new Readiness(Readiness.Kind.PORT, "8008", java.time.Duration.ofMinutes(2)), r.steps().get(1).ready());
        assertEquals("^(?<subject>\\S+) is (?<effect>up|down)$", r.effects().get(0).pattern());

        assertEquals(3, bad("steps:", "  - n: 1", "    ready: {port: 1, http: x}").line());
        assertEquals(3, bad("steps:", "  - n: 1", "    ready: {timeout: 1m}").line());
        assertEquals(2, bad("effects:", "  - '^UPDATE (\\d+)$'").line());
        assertEquals(2, bad("vars:", "  v: {default: 1}").line());
    }

    @Test
    void theFolderMustNameItsGuide() throws IOException {
        Files.writeString(dir.resolve("a.rst"), "A\n=\n");
        Files.writeString(dir.resolve("b.rst"), "B\n=\n");
        BadInput e = assertThrows(BadInput.class, () -> Runbook.load(dir));
        assertTrue(e.problem().contains("several guides"), e.getMessage());
        assertEquals(dir.resolve("b.rst"), Runbook.load(dir.resolve("b.rst")).guide(), "a guide file names itself");
        BadInput none = assertThrows(BadInput.class, () -> Runbook.load(dir.resolve("nothing-here")));
        assertTrue(none.getMessage().endsWith("nothing-here: no such file or folder"), none.getMessage());
    }

    @Test
    void aSidecarThatIsNotUtf8IsBadInput() throws IOException {
        guide();
        Files.write(dir.resolve("runbook.yaml"), new byte[]{'a', ':', ' ', (byte) 0xff, (byte) 0xfe, '\n'});
        BadInput e = assertThrows(BadInput.class, () -> Runbook.load(dir));
        assertTrue(e.problem().contains("UTF-8"), e.getMessage());
    }

    @Test
    void maxOutputIsASizeInTheDefaultsThatEveryStepRuleKeeps() throws IOException {
        Runbook r = Runbook.load(sidecar("defaults:", "  max_output: 512K", "steps:", "  - n: 1", "    timeout: 9s"));
        assertEquals(512L * 1024, r.defaults().maxOutput());
        assertEquals(512L * 1024, r.steps().get(0).over(r.defaults()).maxOutput());
        BadInput notASize = bad("defaults:", "  max_output: lots");
        assertEquals(2, notASize.line());
        assertTrue(notASize.problem().contains("max_output must be a size like 2M"), notASize.problem());
    }

    @Test
    void sizesAreBytesOrKMG() {
        assertEquals(4096L, StepPolicy.parseSize("4096"));
        assertEquals(2L << 20, StepPolicy.parseSize("2M"));
        assertEquals(512L << 10, StepPolicy.parseSize("512k"));
        assertEquals(1L << 30, StepPolicy.parseSize("1GB"));
        assertNull(StepPolicy.parseSize("0"));
        assertNull(StepPolicy.parseSize("-1M"));
        assertNull(StepPolicy.parseSize("2T"));
        assertNull(StepPolicy.parseSize("99999999999999999999"));
    }
}
