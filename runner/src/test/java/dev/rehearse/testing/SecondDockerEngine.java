package dev.rehearse.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second Docker engine beside the one {@code .ci/setup} starts, as a remote engine would be: its own dockerd
 * listening only on a loopback TCP port, with its own data, state, pid file and containerd (which dockerd starts
 * under its exec root), and no bridge, iptables or forwarding, as the first. {@link #close()} stops it and removes
 * everything it kept.
 */
public final class SecondDockerEngine implements AutoCloseable {
    private final Path dir;
    private final Process dockerd;
    private final String host;

    private SecondDockerEngine(Path dir, Process dockerd, String host) {
        this.dir = dir;
        this.dockerd = dockerd;
        this.host = host;
    }

    /** Starts it and waits until it answers; fails the test when it does not within a minute. */
    public static SecondDockerEngine start() throws IOException, InterruptedException {
        // short: containerd's sockets live under the exec root, and a socket's path has at most 107 bytes
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "rehearse-engine-");
        String host = "tcp://127.0.0.1:" + freePort();
        Process dockerd = new ProcessBuilder("dockerd", "--host", host,
                "--data-root", dir.resolve("data").toString(), "--exec-root", dir.resolve("exec").toString(),
                "--pidfile", dir.resolve("dockerd.pid").toString(),
                "--bridge=none", "--iptables=false", "--ip-forward=false", "--ip-masq=false")
                .redirectErrorStream(true).redirectOutput(dir.resolve("dockerd.log").toFile()).start();
        SecondDockerEngine engine = new SecondDockerEngine(dir, dockerd, host);
        for (int i = 0; i < 120; i++) {
            if (!dockerd.isAlive()) {
                engine.close();
                throw new AssertionError("the second dockerd ended: " + engine.log());
            }
            if (waitFor(new ProcessBuilder("docker", "info"), engine.env()) == 0) {
                return engine;
            }
            Thread.sleep(500);
        }
        engine.close();
        throw new AssertionError("the second dockerd did not answer in a minute: " + engine.log());
    }

    /** its address, as DOCKER_HOST names it */
    public String host() {
        return host;
    }

    /** the environment that points a docker command (or Rehearse) at it */
    public Map<String, String> env() {
        return Map.of("DOCKER_HOST", host);
    }

    /** Copies {@code images} from the first engine into this one ({@code docker save | docker load}). */
    public void load(List<String> images) {
        String save = "docker save " + String.join(" ", images);
        Processes.run(Path.of("."), Map.of(), "bash", "-c", "set -o pipefail; " + save
                + " | DOCKER_HOST=" + host + " docker load");
    }

    @Override
    public void close() throws InterruptedException {
        dockerd.destroy(); // SIGTERM: dockerd stops its containers and its containerd, and unmounts
        if (!dockerd.waitFor(60, TimeUnit.SECONDS)) {
            dockerd.destroyForcibly().waitFor();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the second engine's data in " + dir, e);
        }
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("dockerd.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int waitFor(ProcessBuilder builder, Map<String, String> env) throws IOException,
            InterruptedException {
        builder.environment().putAll(env);
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(30, TimeUnit.SECONDS) ? process.exitValue() : -1;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
