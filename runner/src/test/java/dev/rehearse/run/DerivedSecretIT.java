package dev.rehearse.run;

import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.check.StepResult;
import dev.rehearse.check.Verdict;
import dev.rehearse.plan.Capture;
import dev.rehearse.model.Interaction;
import dev.rehearse.plan.Step;
import dev.rehearse.plan.StepPolicy;
import dev.rehearse.report.Reports;
import dev.rehearse.report.RunReport;
import dev.rehearse.targets.local.LocalTarget;
import dev.rehearse.targets.shell.ShellSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static dev.rehearse.run.Steps.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A step given the run's secret prints something made from it (the guide's {@code hash_password}: a hash of the
 * password typed at a hidden prompt); a later step uses it. The hash is a secret too: in no report, not in
 * {@code captured}, not in the live output, while the later step still gets the real value.
 */
class DerivedSecretIT {
    private static final String SECRET = "Qx7notForAnyEyes";
    private static final String EXAMPLE_HASH = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

    @Test
    void aHashOfTheSecretIsMaskedEverywhereLikeTheSecret(@TempDir Path reports) throws IOException {
        StringBuilder live = new StringBuilder();
        RunReport report;
        String hash;
        try (LocalTarget target = LocalTarget.open(null, false,
                ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMillis(500)))) {
            Bindings bindings = Steps.bindingsFor(target.facts())
                    .bind(new Binding("<my super secure password>", SECRET, Binding.Origin.GENERATED, true));
            Steps steps = new Steps()
                    .command("read -s -p 'Password: ' pw; echo; printf '%s' \"$pw\" | sha256sum | cut -d' ' -f1",
                            StepPolicy.DEFAULT,
                            List.of(new Interaction("Password:", null, true, false, "<my super secure password>")),
                            List.of(new Capture(EXAMPLE_HASH, "^([0-9a-f]{64})$")),
                            lines("Password: ", EXAMPLE_HASH))
                    .command("echo " + EXAMPLE_HASH + " > ~/hash.txt; echo stored " + EXAMPLE_HASH,
                            "stored " + EXAMPLE_HASH);
            report = new Runner(target, StepSelection.ALL, false, new RunListener() {
                @Override
                public void output(Step step, String chunk) {
                    live.append(chunk);
                }
            }).run(steps.plan(bindings));
            hash = target.readFile("~/hash.txt").orElseThrow().strip();
        }
        assertEquals(List.of(Verdict.PASS, Verdict.PASS), report.results().stream().map(StepResult::verdict).toList(),
                report.results()::toString);
        assertTrue(hash.matches("[0-9a-f]{64}") && !hash.equals(EXAMPLE_HASH), "the later step typed the real hash");

        assertTrue(report.captured().isEmpty(), "a secret is never listed among the captured values");
        assertFalse(live.toString().contains(hash), live::toString);
        assertTrue(live.toString().contains("stored " + EXAMPLE_HASH), live::toString);
        Reports.writeAll(report, reports);
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                assertFalse(text.contains(hash), file + " holds the hash");
                assertFalse(text.contains(SECRET), file + " holds the secret");
            }
        }
    }
}
