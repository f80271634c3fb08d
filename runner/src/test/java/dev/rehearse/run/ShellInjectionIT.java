package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.guide.BadInput;
import dev.rehearse.plan.Capture;
import dev.rehearse.plan.Plan;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.local.LocalTarget;
import dev.rehearse.targets.shell.ShellSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated injection cases on a real login shell: every payload (each shell metacharacter that can start a command)
 * in every context a value can land in (bare, '...', "...", {@code bash -c}, {@code sh -c}, {@code su -c},
 * {@code ssh host '...'}, {@code eval}, here-documents, command substitutions, pipes into a shell, nested two deep),
 * bound by the sidecar and captured from a step's output. Each case is either refused in one line before it runs, or
 * runs without creating its marker file; a harmless value runs in every context and comes out whole.
 * <p>
 * {@code su} and {@code ssh} are shell functions with their programs' semantics ({@code su ... -c CMD} and
 * {@code ssh HOST ARGS...} hand one command line to a shell), so that the run user needs neither a password nor an sshd.
 */
class ShellInjectionIT {
    private static final String FAKES = "su() { while [ \"$1\" != -c ]; do shift; done; bash -c \"$2\"; }; "
            + "ssh() { shift; sh -c \"$*\"; }";
    private static final String SAFE = "hello_world-1.2";
    private static LocalTarget target;
    private static Path markers;
    private static int counter;

    /** Contexts, each a command with the literal {@code VALUE} where the bound or captured value lands. */
    static final List<String> CONTEXTS = List.of(
            "echo VALUE",
            "echo 'VALUE'",
            "echo \"VALUE\"",
            "echo \"say 'VALUE'\"",
            "bash -c 'echo hello VALUE'",
            "bash -c \"echo hello VALUE\"",
            "bash -c \"echo 'VALUE'\"",
            "sh -c 'echo VALUE'",
            "sh -c \"echo VALUE\"",
            "sh -ec 'echo \"VALUE\"'",
            "su app -c 'echo VALUE'",
            "su - app -c \"echo VALUE\"",
            "ssh host 'echo VALUE'",
            "ssh host \"echo 'VALUE'\"",
            "ssh host echo VALUE",
            "eval 'echo VALUE'",
            "eval \"echo VALUE\"",
            "eval echo VALUE",
            "cat <<EOF\nVALUE\nEOF",
            "cat <<'EOF'\nVALUE\nEOF",
            "bash <<'EOF'\necho VALUE\nEOF",
            "sh <<EOF\necho VALUE\nEOF",
            "echo \"$(echo VALUE)\"",
            "echo \"$(echo 'VALUE')\"",
            "echo `echo VALUE`",
            "x=$(echo \"VALUE\"); echo \"$x\"",
            "echo 'echo VALUE' | bash",
            "printf '%s\\n' \"echo VALUE\" | sh",
            "echo ${NOTSET:-VALUE}",
            "bash -c 'sh -c \"echo VALUE\"'",
            "su - app -c \"bash -c 'echo VALUE'\"",
            "ssh host \"bash -c 'echo VALUE'\"",
            "eval \"bash -c 'echo VALUE'\"",
            "true && bash -c 'echo VALUE' 2>&1 | cat");

    /** Payloads, each with {@code M} where the marker file's path goes. */
    static final List<String> PAYLOADS = List.of(
            "$(touch M)",
            "`touch M`",
            ";touch M",
            "x; touch M",
            "x && touch M",
            "x || touch M; false",
            "x | touch M",
            "x & touch M",
            "x'; touch M; '",
            "x\"; touch M; \"",
            "x'\"; touch M; \"'",
            "x\\'; touch M; #",
            "x)\"; touch M; (\"",
            "$'\\x3b' touch M",
            "${IFS}touch${IFS}M",
            "x >M",
            "x <(touch M)",
            "{touch,M}",
            "x\necho; touch M");

    @BeforeAll
    static void open() throws IOException {
        target = LocalTarget.open(null, false, ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMillis(300)));
        markers = Files.createTempDirectory("rehearse-injection-");
        // the run user could make a marker here: a case that ran would show
        Files.setPosixFilePermissions(markers, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @AfterAll
    static void close() throws IOException {
        target.close();
        try (Stream<Path> files = Files.list(markers)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(markers);
    }

    /** One case: the value with its marker's path in, the context it lands in; returns true when it was refused. */
    private interface Case {
        boolean refused(String context, String value, Path marker) throws IOException;
    }

    /** Runs every payload in every context; returns how many cases ran and how many were refused. */
    private static int[] everyCase(Case each) throws IOException {
        int cases = 0;
        int refused = 0;
        for (String context : CONTEXTS) {
            for (String payload : PAYLOADS) {
                Path marker = nextMarker();
                String value = payload.replace("M", marker.toString());
                cases++;
                if (each.refused(context, value, marker)) {
                    refused++;
                }
                assertFalse(Files.exists(marker), () -> "injected: " + value + " in " + context);
            }
        }
        return new int[]{cases, refused};
    }

    @Test
    void boundValuesNeverRunAndSafeOnesWork() throws IOException {
        int[] counted = everyCase((context, value, marker) -> {
            Steps steps = new Steps().command(FAKES).command(context.replace("VALUE", "isabell"));
            Bindings bindings = new Bindings().bind(new Binding("isabell", value, Binding.Origin.SIDECAR, false));
            try {
                Plan.checkBindings(bindings, steps.plan(bindings).steps());
            } catch (BadInput e) {
                assertOneLine(e.getMessage());
                return true;
            }
            new Runner(target, StepSelection.ALL, false, RunListener.NONE).run(steps.plan(bindings));
            return false;
        });
        for (String context : CONTEXTS) {
            assertTrue(worksWith(context, SAFE), "a harmless value works in " + context);
        }
        System.out.println("bound: " + counted[0] + " cases, " + counted[1] + " refused before running, none ran");
        assertTrue(counted[0] >= 38 * 2, "cases: " + counted[0]);
    }

    @Test
    void capturedValuesNeverRun() throws IOException {
        int[] counted = everyCase((context, value, marker) -> {
            if (value.contains("\n")) {
                return true; // a line of output never captures a newline
            }
            Path printed = markers.resolve("printed-" + counter);
            Files.writeString(printed, "Token " + value + " issued\n");
            Steps steps = new Steps().command(FAKES)
                    .command("cat " + printed, StepPolicy.DEFAULT, List.of(),
                            List.of(new Capture("TOKEN", "Token (.+) issued")), List.of())
                    .command(context.replace("VALUE", "TOKEN"));
            RunReport report = new Runner(target, StepSelection.ALL, false, RunListener.NONE)
                    .run(steps.plan(new Bindings()));
            StepResult capturing = report.results().get(1);
            if (capturing.verdict() != Verdict.FAIL) {
                return false;
            }
            assertTrue(capturing.reason().startsWith("captured value refused: "), capturing::reason);
            assertOneLine(capturing.reason());
            assertEquals(Verdict.SKIP, report.results().get(2).verdict());
            return true;
        });
        System.out.println("captured: " + counted[0] + " cases, " + counted[1] + " refused when captured, none ran");
        assertTrue(counted[0] >= 38 * 2, "cases: " + counted[0]);
    }

    private static boolean worksWith(String context, String value) {
        Bindings bindings = new Bindings().bind(new Binding("isabell", value, Binding.Origin.SIDECAR, false));
        Steps steps = new Steps().command(FAKES).command(context.replace("VALUE", "isabell"));
        Plan.checkBindings(bindings, steps.plan(bindings).steps());
        List<StepResult> results = new Runner(target, StepSelection.ALL, false, RunListener.NONE)
                .run(steps.plan(bindings)).results();
        StepResult ran = results.get(1);
        // the output comes back in the guide's terms: the value maps back to the literal it stands for
        return ran.verdict() != Verdict.FAIL && ran.actual().contains("isabell");
    }

    private static Path nextMarker() {
        return markers.resolve("owned-" + (++counter));
    }

    private static void assertOneLine(String message) {
        assertFalse(message.contains("\n"), message);
        List<String> lines = new ArrayList<>(message.lines().toList());
        assertEquals(1, lines.size(), message);
    }
}
