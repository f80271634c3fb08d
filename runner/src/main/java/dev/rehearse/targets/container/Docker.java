package dev.rehearse.targets.container;

import com.github.dockerjava.api.DockerClient;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;
import org.testcontainers.utility.ResourceReaper;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Docker engine, as Testcontainers reaches it, with no environment variable to set by hand: a missing engine
 * becomes one line that says how to fix it, instead of a stack trace.
 *
 * <p>Testcontainers reads two settings Rehearse needs from the environment only (TESTCONTAINERS_RYUK_DISABLED,
 * TESTCONTAINERS_HOST_OVERRIDE), which a program cannot set for itself. What they do is done here instead, before
 * Testcontainers' first client, through two of its non-public fields (the version is pinned; JarAnywhereIT and
 * every container test run without the variables).
 */
final class Docker {
    private Docker() {
    }

    /** @throws BadInput when the engine does not answer */
    static DockerClient client() {
        try {
            synchronized (Docker.class) {
                withoutRyuk();
                withAnAddressWithoutABridge();
            }
            return DockerClientFactory.instance().client();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("internal error: this Testcontainers version is not the one Rehearse "
                    + "was made for", e);
        } catch (RuntimeException e) {
            throw notAnswering(e);
        }
    }

    /**
     * Testcontainers' clean-up without Ryuk, the reaper TESTCONTAINERS_RYUK_DISABLED=true chooses. Ryuk is a
     * container pulled from a registry (there may be none) that calls back over a bridge network (there may be
     * none), and has nothing to do for Rehearse: its containers are removed by {@link ContainerTarget#close()} (or
     * its shutdown hook) and carry no Testcontainers session label. A reaper already chosen (another user of
     * Testcontainers in this JVM) is left alone.
     */
    private static void withoutRyuk() throws ReflectiveOperationException {
        Field instance = ResourceReaper.class.getDeclaredField("instance");
        instance.setAccessible(true);
        synchronized (ResourceReaper.class) { // the lock of ResourceReaper.instance()
            if (instance.get(null) == null) {
                Constructor<?> jvmHook = Class.forName("org.testcontainers.utility.JVMHookResourceReaper")
                        .getDeclaredConstructor();
                jvmHook.setAccessible(true);
                instance.set(null, jvmHook.newInstance());
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
        DockerClientFactory factory = DockerClientFactory.instance();
        factory.getTransportConfig(); // chooses the way to the engine (DOCKER_HOST, ~/.testcontainers.properties, ...)
        Field chosen = DockerClientFactory.class.getDeclaredField("strategy");
        chosen.setAccessible(true);
        DockerClientProviderStrategy strategy = (DockerClientProviderStrategy) chosen.get(factory);
        try {
            strategy.getDockerHostIpAddress();
        } catch (RuntimeException noBridgeNetwork) {
            Field address = DockerClientProviderStrategy.class.getDeclaredField("dockerHostIpAddress");
            address.setAccessible(true);
            address.set(strategy, "localhost");
        }
    }

    /** What Testcontainers said stays in the message: "permission denied" wants another fix than a stopped engine. */
    static BadInput notAnswering(RuntimeException e) {
        Path socket = Path.of("/var/run/docker.sock");
        String host = System.getenv("DOCKER_HOST");
        if ((host == null || host.isBlank()) && Files.exists(socket) && !Files.isWritable(socket)) {
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
