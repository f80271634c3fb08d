package dev.rehearse.targets.container;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.CommandResult;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.RunStamp;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.container.ContainerTarget.Networking;
import dev.rehearse.testing.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The container target on the real stardust image in a real Docker engine: the Uberspace-like host a guide
 * expects (its user's shell, PostgreSQL, supervisord, pip without an index, certificates, {@code uberspace})
 * and the target's contract (facts, files, removal).
 */
class ContainerTargetIT {
    private static final Duration T = Duration.ofSeconds(60);
    /** the test images made so far, for a tag of each its own */
    private static final AtomicInteger IMAGES = new AtomicInteger();
    private static ContainerTarget target;
    private static Session shell;

    @BeforeAll
    static void open() {
        target = ContainerTarget.open(ContainerTarget.DEFAULT_IMAGE, Networking.NONE, false);
        shell = target.openSession();
    }

    @AfterAll
    static void close() {
        if (target != null) {
            target.close();
        }
    }

    private static CommandResult run(String command) {
        return run(command, List.of());
    }

    private static CommandResult run(String command, List<Interaction> interactions) {
        CommandResult result = shell.run(command, interactions, T, null);
        assertEquals(CommandResult.Status.COMPLETED, result.status(), command + " stopped at: " + result.lastLine());
        return result;
    }

    private static CommandResult ok(String command) {
        CommandResult result = run(command);
        assertEquals(0, result.exit(), command + " printed: " + result.output());
        return result;
    }

    private static Interaction hidden(String prompt, String answer) {
        return new Interaction(prompt, answer, true, false, null);
    }

    @Test
    void factsNameAnOrdinaryUserOnAHostThatIsNotTheGuides() {
        TargetFacts facts = target.facts();
        assertEquals(new TargetFacts("robin", "ravel", "/home/robin", "robin.ravel.test"), facts);
        assertNotEquals("isabell", facts.user());
        assertNotEquals("stardust", facts.host());
        assertTrue(target.describe().startsWith("container " + StardustImage.ensure("stardust") + " "
                + target.containerId().substring(0, 12) + " (robin@ravel, network none; image ready in "), target.describe());
    }

    @Test
    void theSessionIsTheUsersLoginShellAndCarriesStateOver() {
        assertEquals("robin@ravel /home/robin\n", ok("cd ~ && echo \"$(whoami)@$(hostname) $PWD\"").output());
        // what login(1) sets: guides write /var/www/virtual/$USER and ~$LOGNAME
        assertEquals("robin robin\n", ok("echo $USER $LOGNAME").output());
        ok("cd /tmp && export PICKED=yes");
        CommandResult after = ok("echo $PICKED; echo $PGHOST $PIP_NO_INDEX $PIP_FIND_LINKS $VIRTUALENV_SYSTEM_SITE_PACKAGES");
        assertEquals("yes\n/home/robin/tmp 1 /opt/wheels 1\n", after.output());
        assertEquals("/tmp", after.cwd());
        ok("cd ~");
    }

    /**
     * A command in the container that reads the terminal without asking anything is found once its output is still,
     * by what this machine's {@code /proc} says of the container's processes (the shell {@code docker exec} starts
     * is no child of the client here), and named; a silent computation is waited for, and the shell goes on.
     */
    @Test
    void aSilentReadOfTheTerminalInTheContainerIsFoundOnceStill() {
        long started = System.nanoTime();
        CommandResult cat = shell.run("cat", List.of(), T, null);
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertEquals(CommandResult.Status.READING_SILENTLY, cat.status(), cat.output());
        assertEquals("cat", cat.lastLine());
        assertTrue(tookMs < 15_000, "found after " + tookMs + " ms, where the step's time is " + T);
        assertEquals("awake\n", ok("sleep 3; echo awake").output());
    }

    /**
     * A server nothing stops in the container runs on in its terminal once still, and the next terminal reaches it;
     * there, a command quiet for as long is waited for: the server, at the front of its own terminal, is no program
     * of the second's (each terminal's shell starts with a mark of its own), which took it for a server of its own.
     */
    @Test
    void aServerNothingStopsRunsOnAndTheNextTerminalsQuietCommandIsWaitedFor() {
        CommandResult served = run("python3 -m http.server --bind 127.0.0.1 8658");
        assertEquals("Serving HTTP on 127.0.0.1 port 8658 (http://127.0.0.1:8658/) ...\n", served.output());
        assertTrue(shell.holdsACommand());
        assertEquals(Optional.of("python3, listening on port 8658"), shell.heldServer());
        shell = target.openSession();
        CommandResult quiet = ok("sleep 7; curl -s -o /dev/null -w '%{http_code}\\n' http://127.0.0.1:8658/");
        assertEquals("200\n", quiet.output());
        assertFalse(shell.holdsACommand(), "the quiet command ended as it does");
    }

    @Test
    void theContainerHasNoNetworkButItsOwnLoopback() {
        assertEquals("lo\n", ok("ls /sys/class/net").output());
        assertEquals("", ok("ip route show; ip -6 route show | grep -v '^::1 ' || true").output());
    }

    @Test
    void supervisordOfTheUserRunsWhatServicesDHolds() {
        target.writeFile("~/etc/services.d/sleeper.ini", "[program:sleeper]\ncommand=sleep 600\nautostart=yes\n");
        assertEquals("sleeper: available\n", ok("cd /tmp && supervisorctl reread").output(), "from any folder");
        assertEquals("sleeper: added process group\n", ok("supervisorctl update").output());
        String status = "";
        for (int i = 0; i < 50 && !status.contains("RUNNING"); i++) {
            status = run("sleep 0.2; supervisorctl status sleeper").output();
        }
        assertTrue(status.matches("(?s)sleeper\\s+RUNNING\\s+pid \\d+, uptime .*"), status);
        ok("cd ~");
    }

    @Test
    void postgresKnowsTheUserByPeerAndAsksOtherRolesForTheirPassword() {
        String secret = "s3cret-Ab9";
        ok("psql -tAc 'select current_user'");
        CommandResult created = run("createuser reader -P",
                List.of(hidden("Enter password for new role:", secret), hidden("Enter it again:", secret)));
        assertEquals(0, created.exit(), created.output());
        ok("createdb --encoding=UTF8 --owner=reader --template=template0 reader");
        CommandResult asked = run("psql --user reader -tAc 'select current_user'",
                List.of(hidden("Password for user reader:", secret)));
        assertEquals(0, asked.exit(), asked.output());
        assertTrue(asked.output().startsWith("Password for user reader:"), asked.output());
        assertTrue(asked.output().strip().endsWith("reader"), asked.output());
        assertFalse(asked.output().contains(secret));
    }

    @Test
    void virtualenvsSeeDebiansPackagesAndPipUsesOnlyTheLocalFolder() {
        ok("virtualenv -p python3 ~/venvtest >/dev/null && source ~/venvtest/bin/activate");
        assertEquals("ok\n", ok("python -c 'import yaml, bcrypt, psycopg2, jinja2; print(\"ok\")'").output());
        CommandResult satisfied = ok("pip install jinja2");
        assertTrue(satisfied.output().contains("Looking in links: /opt/wheels"), satisfied.output());
        assertTrue(satisfied.output().contains("Requirement already satisfied: jinja2"), satisfied.output());
        CommandResult absent = run("pip install no-such-package-anywhere");
        assertNotEquals(0, absent.exit());
        assertTrue(absent.output().contains("No matching distribution found"), absent.output());
        ok("deactivate");
    }

    @Test
    void pythonAndPipAnswerToTheVersionedNamesUberspaceGuidesTypeAndInstallForTheUser() {
        String version = ok("python3 --version").output();
        assertEquals(version, ok("python3.9 --version").output(), "python3.9 is the image's one Python");
        CommandResult installed = ok("pip3.9 install --user psycopg2-binary");
        assertTrue(installed.output().contains("Successfully installed psycopg2-binary-2.9.5"), installed.output());
        assertEquals("/usr/lib/python3/dist-packages/psycopg2\n",
                ok("python3.9 -c 'import os, psycopg2; print(os.path.dirname(psycopg2.__file__))'").output(),
                "its psycopg2 is Debian's");
        ok("mkdir -p ~/bin && printf '#!/bin/sh\\necho mine\\n' > ~/bin/mytool && chmod +x ~/bin/mytool");
        assertEquals("mine\n", ok("mytool").output(), "~/bin is on the PATH, as on Uberspace");
    }

    @Test
    void theDocumentRootIsWhereUberspaceHasItAndTheDownloadToolsAreThere() {
        assertEquals("/var/www/virtual/robin/html\n", ok("cd /var/www/virtual/$USER/html && pwd").output());
        assertEquals("/var/www/virtual/robin/html\n", ok("readlink ~/html").output());
        ok("touch ~/html/index.html && test -O /var/www/virtual/$USER/html/index.html");
        assertEquals("", ok("command -v wget unzip >/dev/null").output());
    }

    @Test
    void theDomainHasATrustedCertificateAndResolvesToLoopback() {
        String domain = target.facts().domain();
        ok("ls ~/etc/certificates/" + domain + ".crt ~/etc/certificates/" + domain + ".key");
        ok("openssl s_server -quiet -www -accept 127.0.0.1:44321 -cert ~/etc/certificates/" + domain
                + ".crt -key ~/etc/certificates/" + domain + ".key >/dev/null 2>&1 & server=$!; disown; sleep 0.5");
        CommandResult fetched = run("curl -sS -o /dev/null -w '%{http_code} %{ssl_verify_result}\\n' https://"
                + domain + ":44321/; kill $server");
        assertEquals("200 0\n", fetched.output());
    }

    @Test
    void uberspacePortAddAndWebBackendSetPrintWhatTheRealOnesPrint() {
        CommandResult added = ok("uberspace port add");
        Matcher port = Pattern.compile("Port (\\d+) will be open for TCP and UDP traffic in a few minutes.\n")
                .matcher(added.output());
        assertTrue(port.matches(), added.output());
        int number = Integer.parseInt(port.group(1));
        assertTrue(number >= 40000 && number < 65000, added.output());
        assertTrue(ok("uberspace port list").output().lines().anyMatch(port.group(1)::equals));
        assertEquals("Set backend for / to port 8008; please make sure something is listening!\n"
                        + "You can always check the status of your backend using \"uberspace web backend list\".\n",
                ok("uberspace web backend set / --http --port 8008").output());
        assertEquals("/ http:8008 => NOT OK, wrong port or nothing listening\n", ok("uberspace web backend list").output());
    }

    /** As on a new account: the page a document root holds until the user puts something there, which guides remove. */
    @Test
    void theDocumentRootHoldsItsPlaceholderPageOfTheUsersOwn() {
        assertEquals("robin 644\n", ok("stat -c '%U %a' ~/html/nocontent.html").output());
    }

    @Test
    void uberspaceDomainsMailboxesAndToolVersionsAsTheLabGuidesShowThem() {
        String domain = target.facts().user() + ".uber.space";
        assertEquals(domain + "\n", ok("uberspace web domain list").output());
        assertEquals("The webserver's configuration has been adapted.\n"
                        + "Now you can use the following records for your DNS:\n"
                        + "    A -> 192.0.2.10\n    AAAA -> 2001:db8::10\n",
                ok("uberspace web domain add app.example.org").output());
        assertEquals(domain + "\napp.example.org\n", ok("uberspace web domain list").output());
        assertEquals(1, run("uberspace web domain add app.example.org").exit(), "a domain is added once");
        assertEquals("Set backend for app.example.org/ to port 8081; please make sure something is listening!\n"
                        + "You can always check the status of your backend using \"uberspace web backend list\".\n"
                        + "Set backend for app.example.org/.well-known to apache.\n",
                ok("(export HOME=$(mktemp -d) && uberspace web backend set / --http --port 8081 --domain "
                        + "app.example.org && uberspace web backend set app.example.org/.well-known --apache)").output(),
                "in a HOME of its own: the backends other tests list stay as they are");
        assertEquals("New mailbox created for user: 'app', it will be live in a few minutes...\n",
                run("uberspace mail user add app", List.of(hidden("Enter a password for the mailbox:", "pw1"),
                        hidden("Please confirm your password:", "pw1"))).output().lines()
                        .filter(l -> l.startsWith("New")).findFirst().orElseThrow() + "\n");
        assertEquals(domain + "\n", ok("uberspace mail domain list").output());
        assertEquals("The spam folder is enabled.\n", ok("uberspace mail spamfolder status").output());
        assertEquals("Mails, which cannot be matched to a mailbox, will be sent to app.\n",
                ok("uberspace mail catchall set app").output());
        assertEquals(1, run("uberspace mail catchall set nobody").exit(), "a mailbox that is not there");
        assertEquals("Using 'PHP' version: '8.3'\n", ok("uberspace tools version show php").output());
        assertEquals("Selected Node.js version 18\n"
                        + "The new configuration is adapted immediately. Minor updates will be applied automatically.\n",
                ok("uberspace tools version use node 18").output());
        assertEquals("Using 'Node.js' version: '18'\n", ok("uberspace tools version show node").output());
        assertEquals("Your php configuration has been loaded.\n", ok("uberspace tools restart php").output());
        assertEquals("php error log is enabled\n", ok("uberspace web log php_error enable").output());
        assertEquals(1, run("uberspace tools version use php 5.6").exit(), "a version the host does not offer");
    }

    @Test
    void writesAreAtomicBelongToTheUserAndFollowNoLinkOut() {
        assertEquals(Optional.empty(), target.readFile("~/made/here/notes.txt"));
        target.writeFile("~/made/here/notes.txt", "first\n");
        assertEquals("robin robin 755\nrobin robin 644\n",
                ok("stat -c '%U %G %a' ~/made ~/made/here/notes.txt").output());
        ok("chmod 600 ~/made/here/notes.txt");
        target.writeFile("/home/robin/made/here/notes.txt", "second, with ümlauts\n");
        assertEquals(Optional.of("second, with ümlauts\n"), target.readFile("~/made/here/notes.txt"));
        assertEquals("robin 600\n", ok("stat -c '%U %a' ~/made/here/notes.txt").output());
        assertEquals("notes.txt\n", ok("ls -A1 ~/made/here").output(), "no temporary file, no backup beside it");

        // the guide's user makes a link to a file of root's: neither written nor read through
        String shadow = target.execAsRoot("sha256sum", "/etc/shadow");
        ok("ln -s /etc/shadow ~/made/app.ini");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> target.writeFile("~/made/app.ini", "taken\n"));
        assertEquals("cannot write /home/robin/made/app.ini as the run's user: /home/robin/made/app.ini is a symbolic"
                + " link to /etc/shadow, which the run's user does not own: not followed", refused.getMessage());
        assertThrows(IllegalStateException.class, () -> target.readFile("~/made/app.ini"));
        assertEquals(shadow, target.execAsRoot("sha256sum", "/etc/shadow"));
        assertEquals("root\n", target.execAsRoot("stat", "-c", "%U", "/etc/shadow"));
    }

    /**
     * A file read comes back byte for byte, however the output is cut into the engine's frames: 300,000 bytes of
     * three-byte characters, where a pipe's or a frame's boundary falls inside a character.
     */
    @Test
    void aLargeFileOfManyByteCharactersIsReadWhole() {
        String line = "€ ü ✓ 漢字\n";
        String content = line.repeat(300_000 / line.getBytes(StandardCharsets.UTF_8).length);
        target.writeFile("~/large/text.txt", content);
        assertEquals(Optional.of(content), target.readFile("~/large/text.txt"));
        assertEquals(content.getBytes(StandardCharsets.UTF_8).length + "\n",
                ok("stat -c %s ~/large/text.txt").output());
    }

    /**
     * The session's shell is started as soon as the container runs, while its services start: an image whose first
     * process waits for the user's shell (20 s at most) before it prints its ready line notes which shell it saw,
     * and it is the session's.
     */
    @Test
    void theLoginShellStartsWhileTheServicesStart() {
        String image = stardustWith("robin", "for i in $(seq 200); do "
                + "pgrep -o -u robin -x bash > /tmp/shell-before-ready && break; sleep 0.1; done; "
                + "echo 'robin: ready'; exec sleep infinity");
        try (ContainerTarget waiting = ContainerTarget.open(image, Networking.NONE, false)) {
            CommandResult seen = waiting.openSession().run("echo $$ $(cat /tmp/shell-before-ready)", List.of(), T,
                    null);
            String[] pids = seen.output().strip().split(" ");
            assertEquals(2, pids.length, "the first process saw no shell before its ready line: " + seen.output());
            assertEquals(pids[0], pids[1], "the shell it saw is the session's");
        } finally {
            docker("rmi", "-f", image);
        }
    }

    /**
     * An image whose {@code head} reads no number of bytes ({@code -c} is not POSIX): the client's exec, which cannot
     * end a write's input, is not used for its writes; the {@code docker} command carries them, whole.
     */
    @Test
    void anImageWhoseHeadCannotCountBytesGetsItsFilesWrittenAnotherWay() {
        String image = stardustWith("robin", "echo 'robin: ready'; exec sleep infinity",
                "RUN mv /usr/bin/head /usr/bin/head.real && printf '%s\\n' '#!/bin/sh' "
                        + "'for a; do case $a in -c*) echo \"head: invalid option -- c\" >&2; exit 1;; esac; done' "
                        + "'exec /usr/bin/head.real \"$@\"' > /usr/bin/head && chmod 755 /usr/bin/head");
        try (ContainerTarget plain = ContainerTarget.open(image, Networking.NONE, false)) {
            assertEquals("refused\n", plain.execAsRoot("sh", "-c", "head -c 1 /etc/hostname || echo refused"));
            String content = "secret: ünïcödé\n".repeat(2000);
            plain.writeFile("~/conf/app.yaml", content);
            assertEquals(Optional.of(content), plain.readFile("~/conf/app.yaml"));
            assertEquals("app.yaml\n", plain.openSession().run("ls -A ~/conf", List.of(), T, null).output());
        } finally {
            docker("rmi", "-f", image);
        }
    }

    /** An image whose first process makes its user: the user is looked for again once the container is ready. */
    @Test
    void aUserMadeByTheImagesFirstProcessGetsTheSession() {
        String image = stardustWith("latecomer", "sleep 1; useradd -m -d /srv/latecomer latecomer; "
                + "echo 'latecomer: ready'; exec sleep infinity");
        try (ContainerTarget late = ContainerTarget.open(image, Networking.NONE, false)) {
            assertEquals("latecomer", late.facts().user());
            assertEquals("/srv/latecomer", late.facts().home());
            CommandResult who = late.openSession().run("echo $(whoami) $PWD", List.of(), T, null);
            assertEquals("latecomer /srv/latecomer\n", who.output());
        } finally {
            docker("rmi", "-f", image);
        }
    }

    /** An image whose first process dies before its ready line: what it printed is in the one line, at once. */
    @Test
    void anImageWhoseFirstProcessDiesSaysWhatItPrinted() {
        assertEquals("container IMAGE did not start: its first process ended before it printed 'robin: ready'; "
                        + "it printed: no config in /etc/service.conf",
                failedOpen(IllegalStateException.class, "robin", "echo 'no config in /etc/service.conf' >&2; exit 3",
                        Duration.ofSeconds(90)));
    }

    /** An image that never prints its ready line: what it printed is in the one line. */
    @Test
    void anImageThatNeverGetsReadySaysWhatItPrinted() {
        assertEquals("container IMAGE did not start: it did not print 'robin: ready' within 3 s; it printed: "
                        + "starting services | waiting for a lock",
                failedOpen(IllegalStateException.class, "robin",
                        "echo starting services; echo waiting for a lock; exec sleep infinity", Duration.ofSeconds(3)));
    }

    /**
     * A run stopped while the container's services start (Ctrl-C, or its guide found wrong meanwhile): the start
     * ends at once, rather than at the ready line's time, and the container is removed.
     */
    @Test
    void aStopWhileTheServicesStartEndsTheStartAndRemovesTheContainer() {
        OpeningStop stop = new OpeningStop();
        Thread stopper = new Thread(() -> {
            while (docker("ps", "-q", "--filter", "label=dev.rehearse.user=stopped").isBlank()) {
                Thread.onSpinWait();
            }
            stop.request();
        });
        stopper.setDaemon(true);
        stopper.start();
        assertEquals("container IMAGE: stopped while it was being opened",
                failedOpen(OpeningStop.Stopped.class, "stopped", "echo starting services; exec sleep infinity",
                        Duration.ofSeconds(90), stop));
    }

    /** An image that names a user who is never there: bad input in one line. */
    @Test
    void anImageNamingAUserItLacksIsOneLine() {
        assertEquals("--target: the image IMAGE names the user 'ghost' (dev.rehearse.user), who is not there once it "
                        + "is ready",
                failedOpen(BadInput.class, "ghost", "echo 'ghost: ready'; exec sleep infinity", Duration.ofSeconds(90)));
    }

    /**
     * The message of what opening a target of a stardust image whose first process is {@code script}
     * ({@link #stardustWith}) throws, of {@code type}, its image's name as IMAGE; no container of it is left.
     */
    private static String failedOpen(Class<? extends RuntimeException> type, String user, String script,
                                     Duration readyTimeout) {
        return failedOpen(type, user, script, readyTimeout, new OpeningStop());
    }

    /** As {@link #failedOpen(Class, String, String, Duration)}, the opening cut short by {@code stop}. */
    private static String failedOpen(Class<? extends RuntimeException> type, String user, String script,
                                     Duration readyTimeout, OpeningStop stop) {
        String image = stardustWith(user, script);
        try {
            RuntimeException thrown = assertThrows(type, () -> ContainerTarget.open(image, Networking.NONE, false,
                    RunStamp.next(), stop, readyTimeout).close());
            assertEquals("", docker("ps", "-a", "-q", "--filter", "ancestor=" + image).strip(), "a container is left");
            return thrown.getMessage().replace(image, "IMAGE");
        } finally {
            docker("rmi", "-f", image);
        }
    }

    /**
     * An image of the stardust host whose first process is {@code script} (bash), waited for until it prints
     * "{@code user}: ready", and whose steps run as {@code user}; removed by the caller.
     */
    private static String stardustWith(String user, String script) {
        return stardustWith(user, script, "");
    }

    /** As {@link #stardustWith(String, String)}, {@code more} (a RUN line, say) added to its recipe. */
    private static String stardustWith(String user, String script, String more) {
        String image = "rehearse/test-" + user + ":" + ProcessHandle.current().pid() + "-" + IMAGES.incrementAndGet();
        String recipe = "FROM " + StardustImage.ensure("stardust") + "\n" + more + "\n"
                + "LABEL dev.rehearse.user=" + user + " dev.rehearse.ready=\"" + user + ": ready\"\n"
                + "ENTRYPOINT [\"bash\", \"-c\", \"" + script + "\"]\n";
        Processes.runWithInput(recipe, Path.of("/"), Map.of(), "docker", "build", "--network=none", "-q", "-t", image,
                "-");
        return image;
    }

    private static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Processes.run(Path.of("/"), Map.of(), command.toArray(String[]::new));
    }

    @Test
    void closeRemovesTheContainerAndKeepLeavesIt() throws InterruptedException {
        ContainerTarget removed = ContainerTarget.open(ContainerTarget.DEFAULT_IMAGE, Networking.NONE, false);
        String removedId = removed.containerId();
        removed.close();
        assertTrue(goneWithin(removedId, Duration.ofSeconds(30)), "the engine removes a closed target's container");

        ContainerTarget kept = ContainerTarget.open(ContainerTarget.DEFAULT_IMAGE, Networking.NONE, true);
        String keptId = kept.containerId();
        kept.close();
        try {
            InspectContainerResponse state = DockerClientFactory.instance().client().inspectContainerCmd(keptId).exec();
            assertTrue(state.getState().getRunning());
            assertFalse(state.getConfig().getLabels().containsKey(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL),
                    "Testcontainers removes the containers of its session when the JVM exits");
        } finally {
            DockerClientFactory.instance().client().removeContainerCmd(keptId).withForce(true).exec();
        }
    }

    @Test
    void onTheHostNetworkItsSshdListensOnAHostLoopbackPort() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ContainerTarget onHost = ContainerTarget.open(ContainerTarget.DEFAULT_IMAGE, Networking.HOST, false)) {
            assertEquals("ravel", onHost.facts().host());
            onHost.execAsRoot("stardust-sshd", String.valueOf(port));
            try (Socket ssh = new Socket(InetAddress.getLoopbackAddress(), port)) {
                ssh.setSoTimeout(10_000);
                String banner = new BufferedReader(new InputStreamReader(ssh.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
                assertTrue(banner.startsWith("SSH-2.0-OpenSSH"), banner);
            }
        }
    }

    private static boolean goneWithin(String containerId, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                DockerClientFactory.instance().client().inspectContainerCmd(containerId).exec();
            } catch (NotFoundException e) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void anImageThatIsNotHereIsOneLine() {
        BadInput missing = assertThrows(BadInput.class,
                () -> ContainerTarget.open("rehearse/no-such-image:1", Networking.NONE, false));
        assertEquals("--target: no Docker image rehearse/no-such-image:1 here (there is no registry: build it first)",
                missing.getMessage());
    }

    /** A name the engine refuses to read (capitals in a repository): before, its 400 was an internal error. */
    @Test
    void aNameTheEngineCannotReadIsOneLine() {
        for (String image : List.of("Stardust", "a::b")) {
            BadInput refused = assertThrows(BadInput.class, () -> ContainerTarget.open(image, Networking.NONE, false));
            assertTrue(refused.getMessage().startsWith("--target: container:" + image + ": not an image's name, the "
                    + "Docker engine says: "), refused.getMessage());
        }
    }
}
