package dev.rehearse.e2e;

import dev.rehearse.testing.RehearseJar;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.cli.Main;
import dev.rehearse.targets.container.ContainerTarget;
import dev.rehearse.targets.container.ContainerTarget.Networking;
import dev.rehearse.testing.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed runbook over SSH, as an admin runs it on a host they already have: a fresh stardust container on the
 * host's network with its OpenSSH server on a free loopback port, then
 * {@code rehearse run runbooks/synapse --target ssh://robin@127.0.0.1:PORT --identity KEY --known-hosts FILE
 * --accept-new}. Held to the same {@link SeedChecks} as the container target's run.
 */
class SeedOverSshIT {

    @TempDir
    Path keys;

    @Test
    void theSeedRunsOverSshOnAStardustHost() throws IOException {
        Path root = Path.of(System.getProperty("rehearse.root"));
        Path reportDir = root.resolve("runner/target/rehearse/seed-over-ssh");
        try (ContainerTarget host = ContainerTarget.open(ContainerTarget.DEFAULT_IMAGE, Networking.HOST, false)) {
            int port = freePort();
            host.execAsRoot("stardust-sshd", String.valueOf(port));
            Path key = keys.resolve("id_ed25519");
            Processes.run(keys, Map.of(), "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
            host.writeFile("~/.ssh/authorized_keys", Files.readString(keys.resolve("id_ed25519.pub")));
            Path knownHosts = keys.resolve("known_hosts");
            String target = "ssh://robin@127.0.0.1:" + port;

            RehearseJar.Outcome outcome = RehearseJar.run("run", root.resolve("runbooks/synapse").toString(), "--target", target,
                    "--identity", key.toString(), "--known-hosts", knownHosts.toString(), "--accept-new",
                    "--bind", SeedChecks.passwordBinding(), "--report-dir", reportDir.toString());
            int exit = outcome.exit();
            String out = outcome.out();
            String err = outcome.err();
            System.out.print(out);
            JsonNode results = new ObjectMapper().readTree(reportDir.resolve("results.json").toFile());

            assertTrue(err.toString().startsWith("Warning: Permanently added '[127.0.0.1]:" + port + "' (ED25519)"),
                    err.toString());
            assertTrue(Files.readString(knownHosts).startsWith("[127.0.0.1]:" + port + " ssh-ed25519 "));
            assertEquals(target, results.path("summary").path("target").asText());
            SeedChecks.assertTheSeedRan(results, exit, out + err.toString(), reportDir,
                    SeedChecks.inContainer(host.containerId()));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}
