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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * What a tester made of a 20-character secret in a shell: its halves, base64 with other bytes first (a
     * Basic-auth header's user name), base32, ROT13, a dash after each character, {@code od}'s spaced hex, a hash cut
     * to 20 characters, base64 reversed. None of it shows in the live output or a report.
     */
    @Test
    void whatAShellMakesOfALongSecretIsMaskedEverywhere(@TempDir Path reports) throws IOException {
        String secret = "Zq8uT3mLk9Wx2Rv7Hp4N";
        String echoed = secret + "\n";
        List<String> shown = List.of(secret.substring(0, 10), secret.substring(10),
                base64("x" + secret).substring(2), base64("isabell:" + secret).substring(12),
                "LJYTQ5KUGNWUY2ZZK54DEUTWG5EHANCO", "Md8hG3zYx9Jk2Ei7Uc4A", "Z-q-8-u-T-3-m-L-k-9", "5a 71 38 75 54 33",
                HexFormat.of().formatHex(sha256(echoed)).substring(0, 20),
                new StringBuilder(base64(echoed)).reverse().substring(2));
        StringBuilder live = new StringBuilder();
        RunReport report;
        try (LocalTarget target = LocalTarget.open(null, false,
                ShellSettings.DEFAULT.withQuietPeriod(Duration.ofMillis(500)))) {
            Bindings bindings = Steps.bindingsFor(target.facts())
                    .bind(new Binding("<pw>", secret, Binding.Origin.GENERATED, true));
            Steps steps = new Steps().command("PW='<pw>'; printf '%s\\n' \"${PW:0:10}\" \"${PW: -10}\"; "
                    + "echo -n \"x$PW\" | base64; echo -n \"isabell:$PW\" | base64; echo \"$PW\" | base32; "
                    + "echo \"$PW\" | tr A-Za-z N-ZA-Mn-za-m; echo \"$PW\" | sed 's/./&-/g'; "
                    + "echo -n \"$PW\" | od -An -tx1; echo \"$PW\" | sha256sum | cut -c1-20; "
                    + "echo \"$PW\" | base64 | rev; echo all printed");
            report = new Runner(target, StepSelection.ALL, false, new RunListener() {
                @Override
                public void output(Step step, String chunk) {
                    live.append(chunk);
                }
            }).run(steps.plan(bindings));
        }
        assertTrue(live.toString().contains("all printed"), live::toString);
        Reports.writeAll(report, reports);
        Map<String, String> outputs = new LinkedHashMap<>(Map.of("the live output", live.toString()));
        try (Stream<Path> files = Files.list(reports)) {
            for (Path file : files.toList()) {
                outputs.put(file.toString(), Files.readString(file));
            }
        }
        outputs.forEach((where, text) -> shown.forEach(form ->
                assertFalse(text.contains(form), where + " holds " + form + ":\n" + text)));
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
