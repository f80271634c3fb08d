package dev.rehearse.targets.container;

import com.github.dockerjava.api.DockerClient;
import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.ssh.SshDockerEngine;
import dev.rehearse.targets.ssh.SshTargetProvider;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.ResourceReaper;
import org.testcontainers.utility.TestcontainersConfiguration;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The run's Docker engine: the one {@code DOCKER_HOST} names when it is set (with DOCKER_TLS_VERIFY and
 * DOCKER_CERT_PATH, as the docker command reads them), else the one the docker command's current context names
 * ({@code docker context use}; the local socket unless changed). Both ways Rehearse speaks to it are pointed there,
 * so that they never reach two engines: the {@code docker} command ({@link DockerCommand}, the session's terminal,
 * the image's build), given DOCKER_HOST where it is set and else left to its context ({@link #cliEnvironment()}),
 * and Testcontainers' Docker client ({@link #client()}, the files' reads and writes), given the engine's address
 * ({@link #address()}) in place of DOCKER_HOST in its own copy of the environment. An engine that does not answer
 * there becomes one line that says how to fix it, not a stack trace.
 *
 * <p>Testcontainers reads two settings Rehearse needs from the environment only (TESTCONTAINERS_RYUK_DISABLED,
 * TESTCONTAINERS_HOST_OVERRIDE), which a program cannot set for itself. What they do is done here instead, before
 * Testcontainers' first client, through two of its non-public fields (the version is pinned; JarAnywhereIT and
 * every container test run without the variables).
 *
 * <p>An engine over ssh ({@code ssh://[user@]host[:port]}), which docker-java cannot reach itself, is reached
 * through {@link SshDockerEngine}'s local socket, open from the first use to the end of the process.
 */
final class Docker {
    /** how long the end of the process waits for the containers still to remove before the ssh engine's socket goes */
    private static final Duration REMOVALS_AT_EXIT = Duration.ofSeconds(30);
    /**
     * the run's target options, for an ssh:// engine: the keys, known_hosts and ssh configuration, and the stop that
     * cuts its opening short; null for ssh's own defaults. Volatile: a run that sets them must not wait for an
     * engine being reached early
     */
    private static volatile TargetOptions engineOptions;
    /** the way to an ssh:// engine, once open */
    private static volatile SshDockerEngine overSsh;
    /** containers that still need the engine to be removed (guarded by HELD) */
    private static int held;
    private static final Object HELD = new Object();
    /**
     * DOCKER_HOST's engine, once it answers there (an ssh:// one's local socket), when DOCKER_HOST is set; else
     * empty: the docker command finds the engine itself, in its context
     */
    private static final EarlyValue<Optional<String>> NAMED = new EarlyValue<>("docker engine", Docker::reachNamed);
    /** the engine's address, as DOCKER_HOST gives it, once it answers there */
    private static final EarlyValue<String> ADDRESS = new EarlyValue<>("docker engine address", Docker::reach);
    private static final EarlyValue<DockerClient> CLIENT = new EarlyValue<>("docker client", Docker::open);

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
     * Reaches the engine DOCKER_HOST names, and looks whether it answers, on a thread of its own: while the guide is
     * read (an ssh:// engine's connection takes a while).
     */
    static void reachEarly() {
        NAMED.startEarly();
    }

    /**
     * Opens the Docker client on a thread of its own, for {@link #client()} to take when it is needed: opening it
     * loads a few thousand classes and asks the engine, which overlaps with the run's first steps this way.
     */
    static void openEarly() {
        CLIENT.startEarly();
    }

    /** @throws BadInput when the engine does not answer */
    static DockerClient client() {
        return CLIENT.get();
    }

    /**
     * The engine's address, as DOCKER_HOST gives it to Testcontainers; an ssh:// engine's is its local socket's.
     * Where DOCKER_HOST is not set, the docker command's context is asked for it: the docker command's own calls
     * need no address, so that call is made only for the client, or to tell why a command failed.
     *
     * @throws BadInput when the engine does not answer there
     */
    static String address() {
        return ADDRESS.get();
    }

    private static Optional<String> reachNamed() {
        String named = EngineAddress.named();
        return named == null ? Optional.empty() : Optional.of(reached(named, true));
    }

    private static String reach() {
        return NAMED.get().orElseGet(() -> reached(EngineAddress.ofContext(), false));
    }

    /**
     * {@code given}'s address once it answers there; an ssh:// engine's local socket's.
     *
     * @param named whether DOCKER_HOST gave it, else the docker command's context
     */
    private static String reached(String given, boolean named) {
        String address;
        synchronized (Docker.class) {
            address = given.startsWith("ssh://") ? throughSsh(given) : given;
        }
        EngineAddress.requireAnswer(address, given, named);
        return address;
    }

    private static DockerClient open() {
        String address = address();
        try {
            synchronized (Docker.class) {
                toTheEngineReached(address);
                withoutRyuk();
                withAnAddressWithoutABridge();
                onTheEngineReached(address);
            }
            return DockerClientFactory.instance().client();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("internal error: this Testcontainers version is not the one Rehearse "
                    + "was made for", e);
        } catch (BadInput e) {
            throw e;
        } catch (RuntimeException e) {
            throw EngineAddress.notAnswering(e);
        }
    }

    /**
     * The environment a {@code docker} command run for the target needs to reach the engine (the whole environment
     * of the session's terminal, added to the inherited one elsewhere): the engine DOCKER_HOST names, once it
     * answers there (an ssh:// one's local socket), else none (the command's own context), and the variables of the
     * command's own that come with it.
     */
    static Map<String, String> cliEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : List.of("PATH", "HOME", "DOCKER_CONFIG", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH")) {
            String value = System.getenv(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        NAMED.get().ifPresent(address -> env.put("DOCKER_HOST", address));
        return env;
    }

    /** The local socket of the ssh:// engine {@code given} names, opened on the first call. */
    private static String throughSsh(String given) {
        if (overSsh == null) {
            if (!given.equals(EngineAddress.shown(given))) { // a password or a query: neither has a meaning for ssh
                throw new BadInput("--target", 0, "DOCKER_HOST=" + EngineAddress.shown(given) + ": an ssh:// engine "
                        + "is named as ssh://[user@]host[:port], with no password and nothing after the port");
            }
            TargetOptions options = engineOptions != null ? engineOptions : TargetOptions.defaults();
            SshDockerEngine engine = SshDockerEngine.open(given, SshTargetProvider.sshOptions(options),
                    options.stop());
            overSsh = engine;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                afterTheLastRemoval();
                engine.close();
            }, "rehearse-docker-over-ssh-close"));
        }
        return "unix://" + overSsh.socket();
    }

    /**
     * docker-java, under Testcontainers, is given the engine reached ({@code DOCKER_HOST} in its copy of the
     * environment): DOCKER_HOST may be unset (the docker command's context named the engine), or name an ssh://
     * engine, which docker-java cannot reach itself.
     */
    private static void toTheEngineReached(String address) throws ReflectiveOperationException {
        TestcontainersConfiguration configuration = TestcontainersConfiguration.getInstance();
        Field environment = TestcontainersConfiguration.class.getDeclaredField("environment");
        environment.setAccessible(true);
        @SuppressWarnings("unchecked")
        Map<String, String> theirs = new HashMap<>((Map<String, String>) environment.get(configuration));
        theirs.put("DOCKER_HOST", address);
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
     * Testcontainers goes on to other ways it knows when the engine it was given does not answer (the local socket,
     * the way that worked last, which it keeps in ~/.testcontainers.properties), and its own setting tc.host comes
     * first: the client would quietly reach another engine than the one the run's container is on.
     */
    private static void onTheEngineReached(String address) {
        String chosen = DockerClientFactory.instance().getTransportConfig().getDockerHost().toString();
        if (!trimmed(chosen).equals(trimmed(address))) {
            throw new BadInput("--target", 0, "Testcontainers reaches the Docker engine at "
                    + EngineAddress.shown(chosen) + ", not the run's at " + EngineAddress.shown(address)
                    + " (its tc.host setting in ~/.testcontainers.properties?): remove the setting, or name that "
                    + "engine in DOCKER_HOST");
        }
    }

    private static String trimmed(String host) {
        return host.endsWith("/") ? host.substring(0, host.length() - 1) : host;
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
}
