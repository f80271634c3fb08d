package dev.rehearse.targets.container;

import com.github.dockerjava.api.DockerClient;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.ssh.SshDockerEngine;
import dev.rehearse.targets.ssh.SshTargetProvider;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.dockerclient.TestcontainersHostPropertyClientProviderStrategy;
import org.testcontainers.utility.ResourceReaper;
import org.testcontainers.utility.TestcontainersConfiguration;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The Docker engine, as Testcontainers reaches it, with no environment variable to set by hand: a missing engine
 * becomes one line that says how to fix it, instead of a stack trace.
 *
 * <p>Testcontainers reads two settings Rehearse needs from the environment only (TESTCONTAINERS_RYUK_DISABLED,
 * TESTCONTAINERS_HOST_OVERRIDE), which a program cannot set for itself. What they do is done here instead, before
 * Testcontainers' first client, through two of its non-public fields (the version is pinned; JarAnywhereIT and
 * every container test run without the variables).
 *
 * <p>The engine is the one {@code DOCKER_HOST} names when it is set (with DOCKER_TLS_VERIFY and DOCKER_CERT_PATH, as
 * docker-java and the docker command read them), else the local socket: the image is looked for and built there,
 * and the {@code docker} commands Rehearse runs (the session, file moves, the image build) are pointed at it too
 * ({@link #cliEnvironment()}).
 *
 * <p>An engine over ssh ({@code DOCKER_HOST=ssh://[user@]host[:port]}), which docker-java cannot reach itself, is
 * reached as the {@code docker} command reaches it, through {@link SshDockerEngine}'s local socket, open from the
 * first client to the end of the process; Testcontainers and every {@code docker} command are given that socket.
 */
final class Docker {
    /** how long the end of the process waits for the containers still to remove before the ssh engine's socket goes */
    private static final Duration REMOVALS_AT_EXIT = Duration.ofSeconds(30);
    /**
     * the run's target options, for an ssh:// engine: the keys, known_hosts and ssh configuration, and the stop that
     * cuts its opening short; null for ssh's own defaults. Volatile, not under Docker.class: a run that sets them must
     * not wait for a client being opened early
     */
    private static volatile TargetOptions engineOptions;
    /** the way to DOCKER_HOST's ssh:// engine, once open */
    private static volatile SshDockerEngine overSsh;
    /** containers that still need the engine to be removed (guarded by HELD) */
    private static int held;
    private static final Object HELD = new Object();

    private Docker() {
    }

    /**
     * The ssh options ({@code --identity}, {@code --known-hosts}, {@code --ssh-config}, {@code --accept-new}) to reach
     * an {@code ssh://} engine with, and the run's stop while its target opens (which waits for the engine); those of
     * the first run in this process hold, as its engine stays open.
     */
    static void reachSshEnginesWith(TargetOptions options) {
        if (overSsh == null) {
            engineOptions = options;
        }
    }

    /**
     * The client being opened, or open; null before the first call, and again after a failed opening, so that a
     * later call (another run in a long-lived process) tries again. Guarded by Docker.class.
     */
    private static FutureTask<DockerClient> opening;

    /**
     * Opens the client on a thread of its own, for {@link #client()} to take when it is needed: opening it loads a
     * few thousand classes and asks the engine, which overlaps with reading and planning the guide this way. A
     * failure stays for {@link #client()} to throw, on its caller's thread.
     */
    static void openEarly() {
        FutureTask<DockerClient> task;
        synchronized (Docker.class) {
            if (opening != null) {
                return;
            }
            task = new FutureTask<>(Docker::open);
            opening = task;
        }
        Thread thread = new Thread(task, "rehearse-docker-client");
        thread.setDaemon(true);
        thread.start();
    }

    /** @throws BadInput when the engine does not answer */
    static DockerClient client() {
        FutureTask<DockerClient> task;
        synchronized (Docker.class) {
            if (opening == null) {
                opening = new FutureTask<>(Docker::open);
            }
            task = opening;
        }
        task.run(); // here, unless another thread is opening it or has opened it
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (Docker.class) {
                if (opening == task) {
                    opening = null;
                }
            }
            throw Faults.thrownBy(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening the Docker client");
        }
    }

    private static DockerClient open() {
        try {
            synchronized (Docker.class) {
                throughSshWhereNamed();
                withoutRyuk();
                withAnAddressWithoutABridge();
                onTheEngineDockerHostNames();
            }
            return DockerClientFactory.instance().client();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("internal error: this Testcontainers version is not the one Rehearse "
                    + "was made for", e);
        } catch (BadInput | OpeningStop.Stopped e) {
            throw e; // a stop while an ssh:// engine was being reached is no engine that does not answer
        } catch (RuntimeException e) {
            throw notAnswering(e);
        }
    }

    /**
     * The environment a {@code docker} command run for the target needs to reach the engine {@link #client()}
     * reaches (the whole environment of the session's terminal, added to the inherited one elsewhere): DOCKER_HOST as
     * Testcontainers resolved it, so that the command never goes to another engine (a docker context, a
     * Testcontainers setting the command does not read), and the variables of the command's own that come with it.
     */
    static Map<String, String> cliEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : List.of("PATH", "HOME", "DOCKER_CONFIG", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        client();
        env.put("DOCKER_HOST", DockerClientFactory.instance().getTransportConfig().getDockerHost().toString());
        return env;
    }

    /**
     * docker-java, under Testcontainers, speaks to an engine over a socket or TCP only, and on an {@code ssh://} it
     * cannot read would go on to another engine: an ssh:// engine is given to it as {@link SshDockerEngine}'s local
     * socket, in place of DOCKER_HOST in the environment Testcontainers reads (a copy of its own).
     */
    private static void throughSshWhereNamed() throws ReflectiveOperationException {
        String named = named();
        if (named == null || !named.startsWith("ssh://") || overSsh != null) {
            return;
        }
        if (!named.equals(shown(named))) { // a password or a query: neither has a meaning for ssh here
            throw new BadInput("--target", 0, "DOCKER_HOST=" + shown(named) + ": an ssh:// engine is named as "
                    + "ssh://[user@]host[:port], with no password and nothing after the port");
        }
        TargetOptions given = engineOptions != null ? engineOptions : TargetOptions.defaults();
        SshDockerEngine engine = SshDockerEngine.open(named, SshTargetProvider.sshOptions(given), given.stop());
        overSsh = engine;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            afterTheLastRemoval();
            engine.close();
        }, "rehearse-docker-over-ssh-close"));
        TestcontainersConfiguration configuration = TestcontainersConfiguration.getInstance();
        Field environment = TestcontainersConfiguration.class.getDeclaredField("environment");
        environment.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, String> theirs = new HashMap<>((Map<String, String>) environment.get(configuration));
        theirs.put("DOCKER_HOST", "unix://" + engine.socket());
        environment.set(configuration, theirs);
    }

    /** A container that needs the engine until it is removed, also when the process ends ({@link #letGo()}). */
    static void hold() {
        synchronized (HELD) {
            held++;
        }
    }

    static void letGo() {
        synchronized (HELD) {
            held--;
            HELD.notifyAll();
        }
    }

    /** Waits, a while at most, for the containers' own removal at the end of the process (Ctrl-C). */
    private static void afterTheLastRemoval() {
        long deadline = System.nanoTime() + REMOVALS_AT_EXIT.toNanos();
        synchronized (HELD) {
            for (long left = REMOVALS_AT_EXIT.toMillis(); held > 0 && left > 0;
                 left = (deadline - System.nanoTime()) / 1_000_000) {
                try {
                    HELD.wait(left);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /**
     * When the engine DOCKER_HOST names does not answer, Testcontainers goes on to the next way it knows (the local
     * socket, or the way that worked last, which it keeps in ~/.testcontainers.properties): the run would quietly
     * happen on another engine than the one asked for.
     */
    private static void onTheEngineDockerHostNames() throws ReflectiveOperationException {
        String named = named();
        if (named == null || chosenStrategy() instanceof TestcontainersHostPropertyClientProviderStrategy) {
            return; // tc.host, Testcontainers' own setting, comes before DOCKER_HOST on purpose
        }
        String chosen = DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
        String expected = overSsh != null ? "unix://" + overSsh.socket() : named;
        if (!trimmed(chosen).equals(trimmed(expected))) {
            throw doesNotAnswer(named, probe(named));
        }
    }

    private static String trimmed(String host) {
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
    }

    /** Why the engine at {@code host} may not answer, as far as a look from here tells; empty when it cannot. */
    private static String probe(String host) {
        try {
            URI uri = URI.create(host);
            if ("unix".equals(uri.getScheme())) {
                return Files.exists(Path.of(uri.getPath())) ? "" : "no such socket";
            }
            if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
                return "";
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 5_000);
                return "it takes connections, but gives no Docker engine's answer";
            }
        } catch (IOException | IllegalArgumentException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }

    private static BadInput doesNotAnswer(String named, String why) {
        return new BadInput("--target", 0, "the Docker engine DOCKER_HOST names does not answer: DOCKER_HOST="
                + shown(named) + (why.isEmpty() ? "" : " (" + why + ")")
                + "; start it, or make it reachable from here, or unset DOCKER_HOST for the local engine");
    }

    /** DOCKER_HOST when it is set */
    private static String named() {
        String named = System.getenv("DOCKER_HOST");
        return named == null || named.isBlank() ? null : named.strip();
    }

    /** DOCKER_HOST as it may be shown: a password in it ({@code ssh://user:secret@host}) and any query left out */
    static String shown(String dockerHost) {
        String noQuery = dockerHost.replaceFirst("[?#].*$", "");
        return noQuery.replaceFirst("^([A-Za-z][\\w+.-]*://[^:@/]*):[^@/]*@", "$1@");
    }

    /**
     * Testcontainers' clean-up without Ryuk, the reaper TESTCONTAINERS_RYUK_DISABLED=true chooses. Ryuk is a
     * container pulled from a registry (there may be none) that calls back over a bridge network (there may be
     * none), and has nothing to do for Rehearse: its containers are removed by {@link ContainerTarget#close()} (or
     * its shutdown hook) and carry no Testcontainers session label. So the reaper is Testcontainers' plain one, which
     * removes only what is registered with it (nothing), not the JVM-hook one, whose hook asks the engine for the
     * session's containers as the process ends: over ssh, the way to the engine may be gone by then. A reaper
     * already chosen (another user of Testcontainers in this JVM) is left alone.
     */
    private static void withoutRyuk() throws ReflectiveOperationException {
        Field instance = ResourceReaper.class.getDeclaredField("instance");
        instance.setAccessible(true);
        synchronized (ResourceReaper.class) { // the lock of ResourceReaper.instance()
            if (instance.get(null) == null) {
                Constructor<ResourceReaper> plain = ResourceReaper.class.getDeclaredConstructor();
                plain.setAccessible(true);
                instance.set(null, plain.newInstance());
            }
        }
    }

    /**
     * The engine's address where Testcontainers cannot find it, as TESTCONTAINERS_HOST_OVERRIDE=localhost gives
     * it: run inside a container, Testcontainers asks the engine for its bridge network's gateway, and fails when
     * the engine has no bridge network. Rehearse never reaches a container through a published port (its
     * containers use no network or the host's), so the address only has to be there.
     */
    private static void withAnAddressWithoutABridge() throws ReflectiveOperationException {
        DockerClientProviderStrategy strategy = chosenStrategy();
        try {
            strategy.getDockerHostIpAddress();
        } catch (RuntimeException noBridgeNetwork) {
            Field address = DockerClientProviderStrategy.class.getDeclaredField("dockerHostIpAddress");
            address.setAccessible(true);
            address.set(strategy, "localhost");
        }
    }

    /** The way to the engine Testcontainers chose (DOCKER_HOST, ~/.testcontainers.properties, the local socket...). */
    private static DockerClientProviderStrategy chosenStrategy() throws ReflectiveOperationException {
        DockerClientFactory factory = DockerClientFactory.instance();
        factory.getTransportConfig(); // chooses it, once
        Field chosen = DockerClientFactory.class.getDeclaredField("strategy");
        chosen.setAccessible(true);
        return (DockerClientProviderStrategy) chosen.get(factory);
    }

    /** What Testcontainers said stays in the message: "permission denied" wants another fix than a stopped engine. */
    static BadInput notAnswering(RuntimeException e) {
        Path socket = Path.of("/var/run/docker.sock");
        if (named() != null) {
            BadInput bad = doesNotAnswer(named(), Faults.withCauses(e));
            bad.initCause(e);
            return bad;
        }
        if (Files.exists(socket) && !Files.isWritable(socket)) {
            BadInput denied = new BadInput("--target", 0, "cannot use the Docker engine: permission denied on "
                    + socket + " (join its group, or run as root); Testcontainers said: " + Faults.withCauses(e));
            denied.initCause(e);
            return denied;
        }
        BadInput bad = new BadInput("--target", 0, "the Docker engine does not answer (" + Faults.withCauses(e)
                + "); start it with: sudo .ci/setup");
        bad.initCause(e);
        return bad;
    }
}
