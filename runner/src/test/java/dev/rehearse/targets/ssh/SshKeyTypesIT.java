package dev.rehearse.targets.ssh;

import dev.rehearse.testing.Checkout;
import dev.rehearse.testing.RehearseJar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every key type {@code ssh-keygen} makes, through the jar users run ({@code java -jar rehearse.jar run ...
 * --target ssh://...}): a user key of each type logs in to a real sshd whose only host key is of each type. The
 * jar must see JSch's ed25519 classes (under META-INF/versions/15/), which the class path of a test never misses.
 */
class SshKeyTypesIT {
    private static final List<String> TYPES = List.of("ed25519", "ecdsa", "rsa");
    private static final Path GUIDE = Checkout.root().resolve("fixtures/guides/hello.rst");
    /** one server per host key type, each holding that one host key only */
    private static final Map<String, SshServer> servers = new LinkedHashMap<>();

    @BeforeAll
    static void startAServerPerHostKeyType() throws IOException {
        for (String type : TYPES) {
            SshServer server = SshServer.start(List.of(type));
            servers.put(type, server);
            for (String userType : TYPES) {
                server.authorize(SshServer.keygen(userType, server.dir.resolve("login_" + userType)));
            }
        }
    }

    @AfterAll
    static void stopThem() {
        servers.values().forEach(SshServer::close);
    }

    static Stream<Arguments> userKeyAndHostKey() {
        return TYPES.stream().flatMap(user -> TYPES.stream().map(host -> Arguments.of(user, host)));
    }

    @ParameterizedTest(name = "{0} user key, {1} host key")
    @MethodSource("userKeyAndHostKey")
    void theJarLogsInWith(String userKey, String hostKey, @TempDir Path reports) {
        SshServer server = servers.get(hostKey);
        Path identity = server.dir.resolve("login_" + userKey);

        RehearseJar.Outcome run = RehearseJar.in(reports, Map.of(), "run", GUIDE.toString(), "--target", server.spec(),
                "--identity", identity.toString(), "--known-hosts", server.knownHosts.toString(),
                "--report-dir", reports.toString());

        assertEquals(0, run.exit(), run.both() + server.log());
        assertTrue(run.out().contains("2 PASS, 0 DRIFT, 0 FAIL, 0 SKIP"), run.both());
        String algorithm = switch (userKey) {
            case "ecdsa" -> "ECDSA";
            case "ed25519" -> "ED25519";
            default -> "RSA";
        };
        String accepted = server.log().lines().filter(l -> l.contains("Accepted publickey for " + SshServer.USER))
                .reduce((first, last) -> last).orElseThrow(() -> new AssertionError("no login: " + server.log()));
        assertTrue(accepted.contains("ssh2: " + algorithm + " "), "sshd let the " + userKey + " key in: " + accepted);
    }
}
