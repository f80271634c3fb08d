package dev.rehearse.targets.container;

import com.github.dockerjava.api.DockerClient;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Docker engine, as Testcontainers reaches it. Each way it can be missing becomes one line that says how
 * to fix it, instead of a stack trace.
 */
final class Docker {
    private Docker() {
    }

    /** @throws BadInput when Testcontainers is not set up for this machine or the engine does not answer */
    static DockerClient client() {
        // Testcontainers reads this one from the environment only; with Ryuk on it would fetch Ryuk's image from
        // a registry, and there is none here. The rehearse launcher and the build set it.
        if (!"true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))) {
            throw new BadInput("--target", 0, "the container target needs TESTCONTAINERS_RYUK_DISABLED=true "
                    + "in the environment (./rehearse sets it)");
        }
        try {
            return DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            throw notAnswering(e);
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
