package dev.rehearse.targets.container;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import dev.rehearse.targets.UserFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code docker} command, pointed at the run's engine ({@link Docker#cliEnvironment()}): how the container
 * target looks at its image, starts, kills and finds its containers. A call takes what the engine takes and a few
 * milliseconds more, where the Docker client has to load a few thousand classes and ask the engine how it is
 * reached before its first call: on the way to a run's first step, only the command is used; the client opens for
 * the files' reads and writes ({@link ClientExec}), once the run says it has such steps.
 */
final class DockerCommand {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DockerCommand() {
    }

    /**
     * What {@code docker ARGS} did; the arguments are words, never read by a shell.
     *
     * @throws dev.rehearse.guide.BadInput when it failed as the engine does not answer: that is what is told, not
     *                                     what docker said about the call
     */
    static UserFiles.Ran run(List<String> args) {
        UserFiles.Ran ran;
        try {
            ran = UserFiles.locally(List.of("docker"), Docker.cliEnvironment()).run(args, new byte[0]);
        } catch (UncheckedIOException notThere) {
            throw missing(notThere);
        }
        if (ran.exit() != 0) {
            Docker.address(); // asked once, and only when a call fails: whether the engine answers
        }
        return ran;
    }

    /**
     * What {@code docker ARGS} printed.
     *
     * @throws Refused when it failed, with the last line docker said
     */
    static String output(String... args) {
        UserFiles.Ran ran = run(List.of(args));
        if (ran.exit() != 0) {
            throw new Refused(args[0], ran);
        }
        return ran.out();
    }

    /**
     * What {@code docker ARGS} printed, for a call on a container that may be gone meanwhile: the engine removes one
     * once it has ended (auto-remove), and another run may be reaping it. Empty when it is gone, or no longer running
     * (and so being removed), or being removed already.
     *
     * @throws Refused for any other failure, with the last line docker said
     */
    static Optional<String> unlessGone(String... args) {
        UserFiles.Ran ran = run(List.of(args));
        if (ran.exit() == 0) {
            return Optional.of(ran.out());
        }
        String said = ran.err().toLowerCase(Locale.ROOT);
        if (said.contains("no such container") || said.contains("is not running")
                || said.contains("already in progress")) {
            return Optional.empty();
        }
        throw new Refused(args[0], ran);
    }

    /** The line for a docker command that cannot be started: there is none on the PATH. */
    static BadInput missing(Exception cannotRun) {
        BadInput bad = new BadInput("--target", 0, "the container target runs the docker command, which is not here ("
                + Faults.withCauses(cannotRun) + "): install Docker's command line (Debian: docker.io)");
        bad.initCause(cannotRun);
        return bad;
    }

    /**
     * Labels as {@code --format '{{json .Config.Labels}}'} prints them ({@code null} for none).
     *
     * @throws IllegalStateException when docker printed no such thing
     */
    static Map<String, String> labels(String printed) {
        Map<String, String> labels = new LinkedHashMap<>();
        try {
            JSON.readTree(printed).fields()
                    .forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
        } catch (IOException e) {
            throw new IllegalStateException("docker gave no labels as JSON: " + printed.strip(), e);
        }
        return labels;
    }

    /** What {@code argv} did, run in the container {@code id} as root, outside the session. */
    static UserFiles.Ran asRoot(String id, List<String> argv) {
        List<String> args = new ArrayList<>(List.of("exec", "--user", "root", id));
        args.addAll(argv);
        return run(args);
    }

    /**
     * What a command in a container printed.
     *
     * @param what the command, for the message
     * @throws IllegalStateException when it exited non-zero
     */
    static String requireSuccess(UserFiles.Ran ran, String what) {
        if (ran.exit() != 0) {
            throw new IllegalStateException("in the container, " + what.lines().findFirst().orElse("") + " exited "
                    + ran.exit() + ": " + ran.err().strip());
        }
        return ran.out();
    }

    /** What docker said when a call failed: its last line, in the message. */
    static final class Refused extends IllegalStateException {
        private final String said;

        Refused(String command, UserFiles.Ran ran) {
            this(command, lastLine(ran));
        }

        private Refused(String command, String said) {
            super("docker " + command + " failed: " + said);
            this.said = said;
        }

        /** docker's last line (or its exit status, when it said nothing) */
        String said() {
            return said;
        }

        /** whether the engine said there is no such {@code what} (an image), in any case */
        boolean noSuch(String what) {
            return said.toLowerCase(Locale.ROOT).contains("no such " + what);
        }

        private static String lastLine(UserFiles.Ran ran) {
            String printed = (ran.err().isBlank() ? ran.out() : ran.err()).strip();
            return printed.isEmpty() ? "exit status " + ran.exit()
                    : printed.lines().reduce((first, last) -> last).orElseThrow();
        }
    }
}
