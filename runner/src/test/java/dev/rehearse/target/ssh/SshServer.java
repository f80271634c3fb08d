package dev.rehearse.target.ssh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A real OpenSSH server for tests: {@code /usr/sbin/sshd} in the foreground on a free loopback port, with
 * host keys and a user key pair made by {@code ssh-keygen} in a temporary folder, public keys only, no PAM,
 * for a user made for it ({@code rehearse-ssh}, locked password). Needs root, as sshd does.
 */
final class SshServer implements AutoCloseable {
    static final String USER = "rehearse-ssh";

    final Path dir;
    final int port;
    final Path userEd25519;
    final Path userRsa;
    private Process sshd;

    private SshServer(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.userEd25519 = dir.resolve("user_ed25519");
        this.userRsa = dir.resolve("user_rsa");
    }

    static SshServer start() {
        requireRoot();
        try {
            Path dir = Files.createTempDirectory("rehearse-sshd-");
            // sshd reads the authorized keys as the user: the folder must be open to it
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            SshServer server = new SshServer(dir, freePort());
            Files.createDirectories(server.home());
            server.makeUser();
            server.newHostKeys();
            keygen("ed25519", server.userEd25519);
            keygen("rsa", server.userRsa);
            Path authorized = Files.createDirectories(dir.resolve("authorized"));
            Files.writeString(authorized.resolve(USER), Files.readString(pub(server.userEd25519)) + Files.readString(pub(server.userRsa)));
            Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege separation folder
            Files.writeString(dir.resolve("sshd_config"), String.join("\n",
                    "ListenAddress 127.0.0.1:" + server.port,
                    "HostKey " + dir.resolve("host_ed25519"),
                    "HostKey " + dir.resolve("host_rsa"),
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
            server.startSshd();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireRoot() {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the SSH tests start sshd and make a user for it: run them as root");
        }
    }

    /**
     * The user the server lets in, made once with a locked password ({@code *}: key logins only, no PAM), and
     * given a fresh home in this server's folder, so that no run sees what an earlier one left.
     */
    private void makeUser() {
        if (run(List.of("id", USER), false) != 0) {
            run(List.of("useradd", "--no-create-home", "--shell", "/bin/bash", USER), true);
        }
        run(List.of("usermod", "-p", "*", "--home", home().toString(), USER), true);
        run(List.of("cp", "-a", "/etc/skel/.", home().toString() + "/"), true);
        run(List.of("chown", "-R", USER + ":", home().toString()), true);
    }

    /** the user's home, inside this server's folder */
    Path home() {
        return dir.resolve("home");
    }

    /** Makes new host keys; a running server offers them after {@link #restart()}. */
    void newHostKeys() throws IOException {
        Files.deleteIfExists(dir.resolve("host_ed25519"));
        Files.deleteIfExists(dir.resolve("host_rsa"));
        keygen("ed25519", dir.resolve("host_ed25519"));
        keygen("rsa", dir.resolve("host_rsa"));
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

    /** A known_hosts file that knows this server's current host keys, as {@code ssh-keyscan} would write it. */
    Path knownHosts(String name) throws IOException {
        String host = "[127.0.0.1]:" + port;
        List<String> lines = new ArrayList<>();
        for (String key : List.of("host_ed25519", "host_rsa")) {
            String[] pub = Files.readString(pub(dir.resolve(key))).strip().split(" ");
            lines.add(host + " " + pub[0] + " " + pub[1]);
        }
        return Files.write(dir.resolve(name), lines);
    }

    /** Options that trust nothing from this machine's own ~/.ssh or agent: only what the test gives. */
    SshOptions options(Path identity, Path knownHosts, boolean acceptNew, Consumer<String> notices) {
        return new SshOptions(identity, dir.resolve("no-ssh-dir"), knownHosts, acceptNew, null,
                SshOptions.DEFAULT_SERVER_ALIVE_INTERVAL, notices);
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
            run(List.of("kill", "-STOP", String.valueOf(p.pid())), true);
        }
    }

    private List<ProcessHandle> connectionProcesses() {
        return sshd.descendants().filter(p -> p.info().command().map(c -> c.endsWith("/sshd")).orElse(false)).toList();
    }

    /** The command lines of the test user's live processes on this host (the "remote"); zombies are dead. */
    List<String> userProcesses() {
        List<String> out = new ArrayList<>();
        ProcessBuilder ps = new ProcessBuilder("ps", "-u", USER, "-o", "pid=,stat=,args=");
        try {
            Process p = ps.start();
            for (String line : new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.strip().split("\\s+", 3);
                if (f.length == 3 && !f[1].startsWith("Z")) {
                    out.add(f[0] + " " + f[2]);
                }
            }
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
        run(List.of("rm", "-rf", dir.toString()), false);
    }

    static Path pub(Path key) {
        return key.resolveSibling(key.getFileName() + ".pub");
    }

    static void keygen(String type, Path file) {
        run(List.of("ssh-keygen", "-q", "-t", type, "-N", "", "-C", "rehearse-test", "-f", file.toString()), true);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Runs a command to its end; with {@code check}, a non-zero exit is an error showing its output. */
    static int run(List<String> command, boolean check) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            if (check && exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit + ": " + out);
            }
            return exit;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
