package dev.rehearse.targets.container;

import com.sun.net.httpserver.HttpServer;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container target's {@code --network}, through the jar: none (the default) keeps the container off the
 * machine's network; host puts it there, as a guide that downloads what it installs needs. The web here is a server
 * of the test's own on a loopback port of this machine, the only network it has.
 */
class ContainerNetworkIT {
    private static final Path GUIDE = Path.of(System.getProperty("rehearse.root", ".."), "fixtures", "guides",
            "untuned", "download.md");
    private static HttpServer web;

    @BeforeAll
    static void serve() throws IOException {
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/release.txt", exchange -> {
            byte[] body = "version 1.0\n".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        web.start();
    }

    @AfterAll
    static void stop() {
        web.stop(0);
    }

    private static RehearseJar.Outcome download(Path reports, String... network) {
        String[] args = {"run", GUIDE.toString(), "--target", "container", "--bind",
                "8765=" + web.getAddress().getPort(), "--report-dir", reports.toString()};
        String[] all = new String[args.length + network.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(network, 0, all, args.length, network.length);
        return RehearseJar.run(all);
    }

    @Test
    void onTheHostsNetworkAGuideDownloadsWhatItNeeds(@TempDir Path reports) {
        RehearseJar.Outcome run = download(reports, "--network", "host");
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("network host"), run.out());
        assertTrue(run.out().contains("rehearse: 1 PASS, 0 DRIFT, 0 FAIL"), run.out());
    }

    /**
     * pip reaches its package index where the container is on the machine's network for a guide that downloads; on
     * none it installs from the image's package folder only, as it would wait on an index it cannot reach.
     */
    @Test
    void pipsPackageIndexIsOnWhereTheContainerIsOnTheMachinesNetwork(@TempDir Path dir) throws IOException {
        Path guide = Files.writeString(dir.resolve("index.md"), "# pip\n\n```console\n"
                + "$ echo \"no index: ${PIP_NO_INDEX:-unset}, links: $PIP_FIND_LINKS\"\n"
                + "no index: unset, links: /opt/wheels\n```\n");
        RehearseJar.Outcome online = RehearseJar.run("run", guide.toString(), "--target", "container", "--network",
                "host", "--report-dir", dir.resolve("online").toString());
        assertEquals(0, online.exit(), online.out() + online.err());
        assertTrue(online.out().contains("rehearse: 1 PASS"), online.out());
        RehearseJar.Outcome offline = RehearseJar.run("run", guide.toString(), "--target", "container",
                "--report-dir", dir.resolve("offline").toString());
        assertTrue(offline.out().contains("+no index: 1, links: /opt/wheels"), offline.out());
    }

    @Test
    void byDefaultTheContainerHasNoNetworkButItsOwnLoopback(@TempDir Path reports) {
        RehearseJar.Outcome run = download(reports);
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("network none"), run.out());
        assertTrue(run.out().contains("curl: (7)"), run.out());
        assertFalse(run.out().contains("has no network"), "refused on its own loopback, no lookup failed: " + run.out());
    }

    /** A FAIL whose output shows a name lookup failing says why, and what gives the container a network. */
    @Test
    void aLookupThatFailsWithoutNetworkSaysWhatGivesTheContainerOne(@TempDir Path reports) {
        RehearseJar.Outcome run = RehearseJar.run("run", GUIDE.resolveSibling("download-by-name.md").toString(),
                "--target", "container", "--report-dir", reports.toString());
        assertEquals(1, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("exit status 6: curl: (6) Could not resolve host: downloads.example.org; the "
                + "container has no network but its own loopback (--network host, or the sidecar's target: "
                + "{network: host}, gives it the machine's)"), run.out());
    }

    @Test
    void anyOtherNetworkIsOneLineBeforeAnyStep(@TempDir Path reports) {
        RehearseJar.Outcome run = download(reports, "--network", "bridge");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("--network bridge: the container's network is none (its own loopback only) or host (the "
                + "machine's)\n", run.err());
    }

    /** The sidecar's target gives the network the same way; one no such target reads is refused in one line. */
    @Test
    void theSidecarsTargetMayPutTheContainerOnTheHostsNetwork(@TempDir Path runbook, @TempDir Path local)
            throws IOException {
        Files.copy(GUIDE, runbook.resolve("download.md"));
        Files.writeString(runbook.resolve("runbook.yaml"), "target:\n  kind: container\n  network: host\n");
        RehearseJar.Outcome run = RehearseJar.run("run", runbook.toString(), "--bind",
                "8765=" + web.getAddress().getPort(), "--report-dir", runbook.resolve("reports").toString());
        assertEquals(0, run.exit(), run.out() + run.err());
        assertTrue(run.out().contains("network host"), run.out());

        Files.copy(GUIDE, local.resolve("download.md"));
        Files.writeString(local.resolve("runbook.yaml"), "target:\n  kind: local\n  network: host\n");
        RehearseJar.Outcome refused = RehearseJar.run("run", local.toString());
        assertEquals(2, refused.exit(), refused.out() + refused.err());
        assertEquals(local.resolve("runbook.yaml") + ": target: network: the local target reads no such option\n",
                refused.err());
    }

    /** An option no target of the kind given reads is refused, not left unread. */
    @Test
    void anotherKindOfTargetRefusesTheOption() {
        RehearseJar.Outcome run = RehearseJar.run("run", GUIDE.toString(), "--target", "local", "--network", "host");
        assertEquals(2, run.exit(), run.out() + run.err());
        assertEquals("--network: the local target reads no such option (it is the container target's)\n", run.err());
        RehearseJar.Outcome ssh = RehearseJar.run("run", GUIDE.toString(), "--target", "local", "--identity", "key");
        assertEquals("--identity: the local target reads no such option (it is the ssh target's)\n", ssh.err());
    }
}
