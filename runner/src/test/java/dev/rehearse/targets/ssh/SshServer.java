package dev.rehearse.targets.ssh;

import dev.rehearse.testing.Processes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real OpenSSH server for tests: {@code /usr/sbin/sshd} in the foreground on a free loopback port, with
 * host keys (ed25519 and RSA, or the types given) and user key pairs (ed25519, RSA) made by {@code ssh-keygen} in a
 * temporary folder, public keys only, no PAM, for a user made for it ({@code rehearse-ssh}, locked password) with a
 * fresh home in that folder. A second test run on the machine at the same time gets a user of its own
 * ({@code rehearse-ssh1}, ...): the first one's sshd sessions run as its user, whose home cannot be changed
 * meanwhile. Needs root, as sshd does. A test class registers one as an extension (started before its tests,
 * killed after them); a test that needs a server of its own calls {@link #start()}.
 */
final class SshServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    /** how many test runs at once may each have a user */
    private static final int USERS = 16;
    static final String USER = heldUser();
    /** the lock that holds {@link #USER} for this process's life (the system lets it go however the process ends) */
    private static FileChannel userLock;

    Path dir;
    int port;
    Path userEd25519;
    Path userRsa;
    /** a known_hosts file that knows this server's host keys, as {@code ssh-keyscan} would write it */
    Path knownHosts;
    private Process sshd;
    /** the types of the host keys the server holds, as {@code ssh-keygen -t} names them */
    private final List<String> hostKeyTypes;

    SshServer() {
        this(List.of("ed25519", "rsa"));
    }

    private SshServer(List<String> hostKeyTypes) {
        this.hostKeyTypes = hostKeyTypes;
    }

    /** A server started now, for a test that changes it (its host keys). */
    static SshServer start() {
        return start(List.of("ed25519", "rsa"));
    }

    /** A server started now whose only host keys are of these types ({@code ecdsa}, {@code ed25519}, {@code rsa}). */
    static SshServer start(List<String> hostKeyTypes) {
        SshServer server = new SshServer(hostKeyTypes);
        server.begin();
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        begin();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private void begin() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the SSH tests start sshd and make a user for it: run them as root");
        }
        try {
            dir = Files.createTempDirectory("rehearse-sshd-");
            // sshd reads the authorized keys as the user: the folder must be open to it
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            port = freePort();
            userEd25519 = keygen("ed25519", dir.resolve("user_ed25519"));
            userRsa = keygen("rsa", dir.resolve("user_rsa"));
            makeUser();
            newHostKeys();
            knownHosts = writeKnownHosts("known_hosts");
            Path authorized = Files.createDirectories(dir.resolve("authorized"));
            Files.writeString(authorized.resolve(USER), Files.readString(pub(userEd25519)) + Files.readString(pub(userRsa)));
            Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation folder
            List<String> config = new ArrayList<>(List.of("ListenAddress 127.0.0.1:" + port));
            hostKeyTypes.forEach(type -> config.add("HostKey " + dir.resolve("host_" + type)));
            Files.writeString(dir.resolve("sshd_config"), String.join("\n", config) + "\n" + String.join("\n",
                    "UsePAM no",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PubkeyAuthentication yes",
                    "PermitRootLogin no",
                    "AllowUsers " + USER,
                    "StrictModes no",
                    "AuthorizedKeysFile " + authorized + "/%u",
                    "PidFile none",
                    "PrintMotd no",
                    "LogLevel VERBOSE",
                    "Subsystem sftp /usr/lib/openssh/sftp-server",
                    ""));
            startSshd();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first of the users that no other running process holds, held from now on by this one. */
    private static String heldUser() {
        try {
            Path locks = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "rehearse-ssh-users"));
            for (int i = 0; i < USERS; i++) {
                FileChannel lock = FileChannel.open(locks.resolve(i + ".lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE);
                if (lock.tryLock() != null) {
                    userLock = lock;
                    return i == 0 ? "rehearse-ssh" : "rehearse-ssh" + i;
                }
                lock.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(USERS + " test runs at once hold every ssh test user");
    }

    /**
     * The user the server lets in, made once with a locked password ({@code *}: key logins only, no PAM), and
     * given a fresh home in this server's folder, so that no run sees what an earlier one left.
     */
    private void makeUser() throws IOException {
        Files.createDirectories(home());
        if (command(List.of("id", USER)).exit() != 0) {
            check("useradd", "--no-create-home", "--shell", "/bin/bash", USER);
        }
        check("usermod", "-p", "*", "--home", home().toString(), USER);
        check("cp", "-a", "/etc/skel/.", home() + "/");
        check("chown", "-R", USER + ":", home().toString());
    }

    /** the user's home, inside this server's folder */
    Path home() {
        return dir.resolve("home");
    }

    /** Makes new host keys; a running server offers them after {@link #restart()}. */
    void newHostKeys() throws IOException {
        for (String type : hostKeyTypes) {
            Files.deleteIfExists(dir.resolve("host_" + type));
            Files.deleteIfExists(pub(dir.resolve("host_" + type)));
            keygen(type, dir.resolve("host_" + type));
        }
    }

    void restart() {
        stopSshd();
        startSshd();
    }

    private void startSshd() {
        try {
            sshd = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sshd.log").toFile()))
                    .start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                if (!sshd.isAlive()) {
                    throw new IllegalStateException("sshd exited with " + sshd.exitValue() + ": " + log());
                }
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                    return;
                } catch (IOException notYet) {
                    Thread.sleep(20);
                }
            }
            throw new IllegalStateException("sshd did not listen on port " + port + " within 10 s: " + log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String log() {
        try {
            return Files.readString(dir.resolve("sshd.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String spec() {
        return "ssh://" + USER + "@127.0.0.1:" + port;
    }

    SshAddress address() {
        return SshAddress.parse(spec());
    }

    /** A known_hosts file in this server's folder with its current host keys (in the order of their types). */
    Path writeKnownHosts(String name) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String type : hostKeyTypes) {
            String[] pub = Files.readString(pub(dir.resolve("host_" + type))).strip().split(" ");
            lines.add("[127.0.0.1]:" + port + " " + pub[0] + " " + pub[1]);
        }
        return Files.write(dir.resolve(name), lines);
    }

    /** Options that trust nothing from this machine's own ~/.ssh or agent: only what the test gives. */
    SshOptions options(Path identity, Path knownHostsFile, boolean acceptNew, Consumer<String> notices) {
        return new SshOptions(identity, dir.resolve("no-ssh-dir"), knownHostsFile, acceptNew, null,
                SshOptions.DEFAULT_SERVER_ALIVE_INTERVAL, notices);
    }

    /** The ed25519 user key and this server's known host keys: a login that works. */
    SshOptions options() {
        return options(userEd25519, knownHosts, false, notice -> { });
    }

    /**
     * Kills the sshd processes that serve the open connections, as a crash would: the privileged monitor and
     * the user's network process below it (killing the monitor alone leaves the connection up). The shells
     * they started are left to what a hang-up does to them.
     */
    void killConnections() {
        connectionProcesses().forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Stops (SIGSTOP) the sshd processes of the open connections: the TCP connection stays up but nothing
     * answers any more, as when a network path dies silently. Only keepalives notice that.
     */
    void freezeConnections() {
        for (ProcessHandle p : connectionProcesses()) {
            check("kill", "-STOP", String.valueOf(p.pid()));
        }
    }

    private List<ProcessHandle> connectionProcesses() {
        return sshd.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/sshd")).orElse(false)).toList();
    }

    /** The command lines of the test user's live processes on this host (the "remote"); zombies are dead. */
    List<String> userProcesses() {
        List<String> live = new ArrayList<>();
        for (String line : command(List.of("ps", "-u", USER, "-o", "pid=,stat=,args=")).output().split("\n")) {
            String[] f = line.strip().split("\\s+", 3);
            if (f.length == 3 && !f[1].startsWith("Z")) {
                live.add(f[0] + " " + f[2]);
            }
        }
        return live;
    }

    private void stopSshd() {
        if (sshd != null) {
            sshd.descendants().forEach(ProcessHandle::destroyForcibly);
            sshd.destroy();
            try {
                sshd.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopSshd();
        if (dir != null) {
            check("rm", "-rf", dir.toString());
        }
    }

    static Path pub(Path key) {
        return key.resolveSibling(key.getFileName() + ".pub");
    }

    /** A new key pair without passphrase: {@code file} and {@code file.pub}. */
    static Path keygen(String type, Path file) {
        return keygen(type, file, "");
    }

    /** A new key pair whose private half is locked with {@code passphrase}. */
    static Path keygen(String type, Path file, String passphrase) {
        check("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "rehearse-test", "-f", file.toString());
        return file;
    }

    /** Lets the key pair of {@code key} log in as {@link #USER} too. */
    void authorize(Path key) throws IOException {
        Files.writeString(dir.resolve("authorized").resolve(USER), Files.readString(pub(key)), StandardOpenOption.APPEND);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void check(String... command) {
        Processes.run(Path.of("/"), Map.of(), command);
    }

    /** What a program that may fail did: its exit status and its output (stdout and stderr merged). */
    record Ran(int exit, String output) {
    }

    static Ran command(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Ran(p.waitFor(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
