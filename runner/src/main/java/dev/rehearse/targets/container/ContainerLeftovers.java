package dev.rehearse.targets.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import dev.rehearse.targets.RunStamp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The labels a run puts on its container, and the removal of containers that runs killed on the way left behind
 * (their JVM ended without closing them: SIGKILL, a lost machine session). Only a container whose labels are ours
 * and whose run's process is provably gone ({@link RunStamp#provablyDead()}) is touched; a kept one never is.
 */
final class ContainerLeftovers {
    /** the run's id: which results.json goes with the container */
    static final String LABEL_RUN = "dev.rehearse.run";
    /** the run's whole stamp: how to tell that its process is gone */
    static final String LABEL_OWNER = "dev.rehearse.owner";
    /** {@code true} for a container kept with --keep: it outlives its run on purpose */
    static final String LABEL_KEPT = "dev.rehearse.kept";

    private ContainerLeftovers() {
    }

    static Map<String, String> labels(RunStamp stamp, boolean keep) {
        return Map.of(LABEL_RUN, stamp.id(), LABEL_OWNER, stamp.text(), LABEL_KEPT, Boolean.toString(keep));
    }

    /** Removes what dead runs left; returns one line for each container removed. */
    static List<String> reap(DockerClient docker) {
        List<String> removed = new ArrayList<>();
        List<Container> ours = docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(LABEL_OWNER)).exec();
        for (Container container : ours) {
            Map<String, String> labels = container.getLabels() == null ? Map.of() : container.getLabels();
            Optional<RunStamp> stamp = RunStamp.parse(labels.get(LABEL_OWNER));
            if ("true".equals(labels.get(LABEL_KEPT)) || stamp.isEmpty() || !stamp.get().provablyDead()) {
                continue;
            }
            try {
                docker.removeContainerCmd(container.getId()).withForce(true).exec();
                removed.add("removed container " + container.getId().substring(0, 12) + ", left behind by run "
                        + stamp.get().id() + " (its process " + stamp.get().pid() + " is gone)");
            } catch (NotFoundException | ConflictException gone) {
                // removed meanwhile (auto-remove, or another run reaping too)
            }
        }
        return removed;
    }
}
