package dev.rehearse.targets.container;

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
    static List<String> reap() {
        List<String> removed = new ArrayList<>();
        List<String> ours = DockerCommand.output("ps", "--all", "--quiet", "--no-trunc", "--filter",
                "label=" + LABEL_OWNER).lines().filter(id -> !id.isBlank()).toList();
        for (String id : ours) {
            Map<String, String> labels = labelsOf(id);
            Optional<RunStamp> stamp = RunStamp.parse(labels.get(LABEL_OWNER));
            if ("true".equals(labels.get(LABEL_KEPT)) || stamp.isEmpty() || !stamp.get().provablyDead()) {
                continue;
            }
            // not when removed meanwhile (auto-remove, or another run reaping too)
            if (DockerCommand.unlessGone("rm", "--force", id).isPresent()) {
                removed.add("removed container " + id.substring(0, 12) + ", left behind by run " + stamp.get().id()
                        + " (its process " + stamp.get().pid() + " is gone)");
            }
        }
        return removed;
    }

    /** the container's labels; none when it is gone meanwhile */
    private static Map<String, String> labelsOf(String id) {
        return DockerCommand.unlessGone("inspect", "--type", "container", "--format", "{{json .Config.Labels}}", id)
                .map(DockerCommand::labels).orElse(Map.of());
    }
}
