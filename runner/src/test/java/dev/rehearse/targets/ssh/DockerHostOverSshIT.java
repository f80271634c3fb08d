package dev.rehearse.targets.ssh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.Processes;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --target container} on the Docker engine {@code DOCKER_HOST=ssh://user@127.0.0.1:PORT} names, through the
 * jar: a real sshd of the test's own ({@link SshServer}) whose user may use this machine's engine (the docker group,
 * for the test's time), the keys and known_hosts given with the ssh target's options, nothing of root's ~/.ssh read
 * ({@code --ssh-config none}, no agent). The guide's verdicts are those of a container, the container ran on the engine
 * with the run's label, and once the run is over its ssh connections and its local socket are gone. An unknown host
 * key, and an ssh port where nothing listens, each stop the run in one line, exit 2.
 */
class DockerHostOverSshIT {
    @RegisterExtension
    static final SshServer server = new SshServer();
    private static final String GUIDE = String.join("\n",
            "# Over ssh",
            "",
            "Where this runs:",
            "",
            "```console",
            "$ test -f /.dockerenv && echo in a container",
            "in a container",
            "```",
            "",
            "A file written, then read back:",
            "",
            "```console",
            "$ echo carried > /tmp/carried && cat /tmp/carried",
            "carried",
            "```",
            "");

    @TempDir
    Path dir;

    @BeforeAll
    static void mayUseTheEngine() {
        Processes.run(Path.of("/"), Map.of(), "usermod", "-aG", "docker", SshServer.USER);
    }

    @AfterAll
    static void mayNoLonger() {
        Processes.run(Path.of("/"), Map.of(), "gpasswd", "-d", SshServer.USER, "docker");
    }

    @Test
    void theGuideRunsInAContainerOfTheEngineReachedOverSshAndTheWayThereEndsWithTheRun() throws Exception {
        Path guide = Files.writeString(dir.resolve("over-ssh.md"), GUIDE);
        Path reports = dir.resolve("reports");
        List<Path> socketsBefore = ourSockets();
        String since = String.valueOf(System.currentTimeMillis() / 1000);

        RehearseJar.Outcome run = rehearse(server.knownHosts, server.port, "run", guide.toString(),
                "--report-dir", reports.toString());

        assertEquals(0, run.exit(), run.both());
        JsonNode results = new ObjectMapper().readTree(reports.resolve("results.json").toFile());
        List<String> verdicts = new ArrayList<>();
        results.path("steps").forEach(step -> verdicts.add(step.path("verdict").asText()));
        assertEquals(List.of("PASS", "PASS"), verdicts, run.both());
        String runId = results.path("run").path("id").asText();
        String until = String.valueOf(System.currentTimeMillis() / 1000 + 1);
        String events = Processes.run(Path.of("/"), Map.of(), "docker", "events", "--since", since, "--until", until,
                "--filter", "type=container", "--filter", "label=dev.rehearse.run=" + runId,
                "--format", "{{.Action}}");
        assertTrue(events.lines().anyMatch("start"::equals), "the engine started the run's container:\n" + events);
        assertTrue(events.lines().anyMatch("destroy"::equals), "and removed it:\n" + events);
        assertEquals("", Processes.run(Path.of("/"), Map.of(), "docker", "ps", "-a", "-q", "--filter",
                "label=dev.rehearse.run=" + runId).strip());

        assertEquals(socketsBefore, ourSockets(), "the run's local socket is gone");
        assertEquals("", sshConnections(server.port), "no connection to the sshd is left");
        assertTrue(server.log().contains("Accepted publickey for " + SshServer.USER), server.log());
    }

    @Test
    void anUnknownHostKeyStopsTheRunInOneLine() throws IOException {
        Path empty = Files.writeString(dir.resolve("known_hosts"), "");
        Path guide = Files.writeString(dir.resolve("over-ssh.md"), GUIDE);

        RehearseJar.Outcome run = rehearse(empty, server.port, "run", guide.toString());

        assertEquals(2, run.exit(), run.both());
        assertEquals(1, run.err().strip().lines().count(), run.both());
        assertTrue(run.err().startsWith(empty + ": the host key of [127.0.0.1]:" + server.port + " ("), run.both());
        assertEquals("", Files.readString(empty), "nothing is recorded without --accept-new");
    }

    @Test
    void aPortWhereNothingListensStopsTheRunInOneLine() throws IOException {
        int closed;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = free.getLocalPort();
        }
        Path guide = Files.writeString(dir.resolve("over-ssh.md"), GUIDE);

        RehearseJar.Outcome run = rehearse(server.knownHosts, closed, "run", guide.toString());

        assertEquals(2, run.exit(), run.both());
        assertEquals("ssh://" + SshServer.USER + "@127.0.0.1:" + closed + ": cannot connect: Connection refused\n",
                run.err(), run.both());
    }

    /** The jar with DOCKER_HOST=ssh://rehearse-ssh@127.0.0.1:PORT, the test's key and {@code knownHosts}. */
    private static RehearseJar.Outcome rehearse(Path knownHosts, int port, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--target", "container", "--identity", server.userEd25519.toString(),
                "--known-hosts", knownHosts.toString(), "--ssh-config", "none"));
        return RehearseJar.in(Checkout.root(), Map.of("DOCKER_HOST", "ssh://" + SshServer.USER + "@127.0.0.1:" + port,
                "SSH_AUTH_SOCK", ""), all.toArray(String[]::new));
    }

    /** The local sockets an engine over ssh listens on ({@code rehearse-docker-*} in the temporary folder). */
    private static List<Path> ourSockets() throws IOException {
        try (Stream<Path> all = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return all.filter(p -> p.getFileName().toString().startsWith("rehearse-docker-")).sorted().toList();
        }
    }

    /** The established TCP connections to the sshd's port, as {@code ss} lists them; empty when there are none. */
    private static String sshConnections(int port) {
        return Processes.run(Path.of("/"), Map.of(), "ss", "-Htn", "state", "established",
                "( dport = :" + port + " or sport = :" + port + " )").strip();
    }
}
