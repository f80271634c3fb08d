package dev.rehearse.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The download tools' own words for a network they cannot reach, bash's for a program it finds nowhere. */
class TargetGapsTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "curl: (6) Could not resolve host: github.com",
            "Resolving github.com (github.com)... failed: Temporary failure in name resolution.\n"
                    + "wget: unable to resolve host address 'github.com'",
            "fatal: unable to access 'https://github.com/x/y.git/': Could not resolve host: github.com",
            "WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection "
                    + "broken by 'NewConnectionError('<pip._vendor.urllib3.connection.HTTPSConnection object at "
                    + "0x7f3c>: Failed to establish a new connection: [Errno -3] Temporary failure in name "
                    + "resolution')': /simple/flask/\nERROR: No matching distribution found for flask",
            "npm ERR! code EAI_AGAIN\nnpm ERR! request to https://registry.npmjs.org/x failed, reason: getaddrinfo "
                    + "EAI_AGAIN registry.npmjs.org",
            "Unable to download data from https://rubygems.org/ - SocketError: Failed to open TCP connection to "
                    + "rubygems.org:443 (getaddrinfo: Temporary failure in name resolution)",
            "curl error 6 while downloading https://repo.packagist.org/packages.json: Could not resolve host: "
                    + "repo.packagist.org",
            "go: example.org/m@v1.0.0: Get \"https://proxy.golang.org/...\": dial tcp: lookup proxy.golang.org on "
                    + "[::1]:53: read udp [::1]:40000->[::1]:53: read: connection refused",
            "Err:1 http://deb.debian.org/debian bookworm InRelease\n  Temporary failure resolving 'deb.debian.org'",
            "urllib.error.URLError: <urlopen error [Errno -3] Temporary failure in name resolution>",
            "[ERROR] Failed to execute goal: java.net.UnknownHostException: repo.maven.apache.org",
            "ssh: Could not resolve hostname github.com: Name or service not known",
            "connect: Network is unreachable",
            "Looking in links: /opt/wheels\nERROR: Could not find a version that satisfies the requirement flask (from "
                    + "versions: none)\nERROR: No matching distribution found for flask"})
    void aNetworkThatCannotBeReachedIsToldSo(String output) {
        assertTrue(TargetGaps.showsNoNetwork(output), output);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "curl: (7) Failed to connect to 127.0.0.1 port 8080 after 0 ms: Couldn't connect to server",
            "psql: error: connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: Connection refused",
            "ERROR: Could not find a version that satisfies the requirement flask==99 (from versions: 1.0, 2.0)",
            "ls: cannot access 'resolve.txt': No such file or directory"})
    void otherFailuresAreNot(String output) {
        assertFalse(TargetGaps.showsNoNetwork(output), output);
    }

    @Test
    void aProgramBashFindsNowhereIsNamed() {
        assertEquals(Optional.of("git"), TargetGaps.missingProgram("Cloning...\nbash: git: command not found\n"));
        assertEquals(Optional.of("php8.1"), TargetGaps.missingProgram("bash: line 3: php8.1: command not found"));
        assertEquals(Optional.empty(), TargetGaps.missingProgram("sh: 1: git: not found\nthe command not found"));
        assertEquals(Optional.of("influxd"), TargetGaps.missingProgram(
                "influxd                          FATAL     can't find command 'influxd'"));
        assertEquals(Optional.of("gitea"), TargetGaps.missingProgram("gitea  FATAL  can't find command '/home/x/gitea'"));
    }
}
