package dev.rehearse.targets.container;

import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.UserFiles;
import dev.rehearse.targets.shell.EarlyShell;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.Transport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * A container on its way to being a target, through the {@code docker} command: made, started, its first process's
 * output followed from the start ({@link FirstProcessOutput}), the user's login shell started as soon as the user is
 * there, while the services start ({@link EarlyShell}: the first command finds it waiting, as the ready line takes
 * longer than a shell), and the ready line awaited. A container that does not get there is removed, and one line
 * says why, with what its first process printed last.
 */
final class ContainerStart {
    /** what getent exits with when there is no such entry */
    private static final int GETENT_NOT_FOUND = 2;
    /**
     * how soon the engine is asked again whether the container runs yet, while it starts: each time twice as long,
     * up to {@link #LONGEST_START_POLL}, as each look is a process of its own
     */
    private static final Duration START_POLL = Duration.ofMillis(10);
    private static final Duration LONGEST_START_POLL = Duration.ofMillis(200);

    private final String image;
    private final FirstProcessOutput printed;
    /** the container's id, once it is made; else null */
    private volatile String id;
    /** {@code docker start --attach}, until the container is ready or has failed; else null */
    private volatile Process following;
    /** the first process's number on this machine, as the engine tells it; null when it has none (ended) */
    private Long firstPid;
    /** the user's home, once known while the container got ready; else null */
    private String home;
    /** the login shell started while the container got ready; else null */
    private EarlyShell shell;
    /** the run stopped while the container got ready (Ctrl-C, or its guide turned out wrong) */
    private volatile boolean cut;

    /** @param ready the ready line its first process prints, or null */
    ContainerStart(String image, String ready) {
        this.image = image;
        this.printed = new FirstProcessOutput(ready);
    }

    /**
     * Makes the container ({@code docker create}) with the options {@code options} and the command {@code command}
     * (none: the image's own); none when the start was cut short already.
     *
     * @throws IllegalStateException when the engine refuses, with what it said
     */
    void create(List<String> options, List<String> command) {
        stopIfCut();
        List<String> args = new ArrayList<>(List.of("create"));
        args.addAll(options);
        args.add(image);
        args.addAll(command);
        UserFiles.Ran made = DockerCommand.run(args);
        if (made.exit() != 0) {
            throw new IllegalStateException(failed(image) + new DockerCommand.Refused("create", made).said());
        }
        // the id is the last line: a warning of the engine's (a limit the kernel cannot apply) may come before it
        id = made.out().strip().lines().reduce((first, last) -> last).orElseThrow(() ->
                new IllegalStateException(failed(image) + "docker create printed no container's id"));
    }

    String id() {
        return id;
    }

    Optional<Long> firstPid() {
        return Optional.ofNullable(firstPid);
    }

    /** the user's home as seen while it got ready, or null (not there yet) */
    String home() {
        return home;
    }

    EarlyShell shell() {
        return shell;
    }

    /**
     * Starts it, follows its output, starts {@code user}'s login shell on the way ({@code login}: the container's
     * first process's number, the user's home), and waits {@code readyTimeout} at most for {@code ready}.
     *
     * @param ready the ready line, or null: ready once it runs
     * @throws IllegalStateException when it does not get ready, saying why (it is removed then)
     */
    void start(String user, String ready, Duration readyTimeout, ShellSettings settings,
               BiFunction<Long, String, Transport> login) {
        try {
            stopIfCut();
            follow();
            firstPid = awaitRunning(readyTimeout);
            stopIfCut();
            try {
                home = firstPid == null ? null : homeOf(user).orElse(null);
            } catch (RuntimeException endedAlready) {
                home = null; // which the wait for the ready line tells
            }
            stopIfCut();
            if (home != null && firstPid != null) {
                Long pid = firstPid;
                String at = home;
                shell = EarlyShell.start(() -> login.apply(pid, at), settings);
            }
            if (ready != null) {
                awaitReady(ready, readyTimeout);
            }
            stopIfCut();
            if (ready == null && firstPid == null) {
                throw new IllegalStateException(failed(image) + ended(null) + lastLines());
            }
        } catch (RuntimeException e) {
            try {
                discard();
            } catch (RuntimeException notRemoved) {
                e.addSuppressed(notRemoved);
            }
            throw e;
        } finally {
            stopFollowing();
        }
    }

    /**
     * Stops the start where it is: the wait for the ready line ends now, and {@link #start} removes the container
     * and throws {@link OpeningStop.Stopped}. Quick, from any thread, never throws.
     */
    void cut() {
        cut = true;
        printed.end();
        stopFollowing();
    }

    private void stopIfCut() {
        if (cut) {
            throw new OpeningStop.Stopped("container " + image, new IOException("the run stopped"));
        }
    }

    private void awaitReady(String ready, Duration limit) {
        FirstProcessOutput.Outcome outcome;
        try {
            outcome = printed.awaitReady(limit);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failed(image) + "interrupted while waiting for '" + ready + "'");
        }
        stopIfCut();
        if (outcome == FirstProcessOutput.Outcome.TIMED_OUT) {
            throw new IllegalStateException(failed(image) + "it did not print '" + ready + "' within "
                    + limit.toSeconds() + " s" + printed.shown());
        }
        if (outcome == FirstProcessOutput.Outcome.ENDED) {
            throw new IllegalStateException(failed(image) + ended(ready) + lastLines());
        }
    }

    private String lastLines() {
        printed.sawProcessEnd();
        printed.processEnded(); // waits a moment for its last lines
        return printed.shown();
    }

    /**
     * Starts the container with its output followed from the first byte, as {@code docker start --attach} attaches
     * before it starts: once the first process ends, the engine removes the container (auto-remove), and its output
     * with it, before a {@code docker logs} started after the start could ask for it. Its end is the first process's.
     * The command passes the signals it gets on to the first process: it is ended by one it cannot catch
     * ({@link #stopFollowing()}).
     */
    private void follow() {
        ProcessBuilder attached = new ProcessBuilder("docker", "start", "--attach", id)
                .redirectErrorStream(true);
        attached.environment().putAll(Docker.cliEnvironment());
        Process process;
        try {
            process = attached.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw DockerCommand.missing(e);
        }
        following = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    printed.line(line);
                }
            } catch (IOException stopped) {
                // followed no further: the end below says so
            } finally {
                printed.end();
            }
        }, "rehearse-container-output");
        reader.setDaemon(true);
        reader.start();
    }

    private void stopFollowing() {
        Process process = following;
        if (process != null) {
            process.destroyForcibly(); // SIGKILL: a SIGTERM would be passed on, and stop the container
        }
    }

    /**
     * Waits, {@code limit} at most, until the engine runs the container: its first process's number then; null when
     * it ended first (or never started: what docker said is among what it printed).
     *
     * @throws IllegalStateException when the engine still has it as made, not started, after {@code limit}
     */
    private Long awaitRunning(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (long pause = START_POLL.toMillis(); ; pause = Math.min(2 * pause, LONGEST_START_POLL.toMillis())) {
            UserFiles.Ran state = DockerCommand.run(List.of("inspect", "--type", "container", "--format",
                    "{{.State.Status}} {{.State.Pid}}", id));
            String[] words = state.out().strip().split(" ");
            boolean created = state.exit() == 0 && words[0].equals("created");
            if (state.exit() == 0 && words.length == 2 && words[0].equals("running")) {
                return Long.valueOf(words[1]);
            }
            if (!created || !following.isAlive()) {
                printed.sawProcessEnd(); // removed once it ended, or ended, or never started
                return null;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failed(image) + "the engine had not started it after "
                        + limit.toSeconds() + " s (docker inspect: created)" + printed.shown());
            }
            stopIfCut();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(failed(image) + "interrupted while it started");
            }
        }
    }

    /** The user's home, from the container's user database; empty when there is no such user (yet). */
    Optional<String> homeOf(String user) {
        UserFiles.Ran found = DockerCommand.asRoot(id, List.of("getent", "passwd", user));
        if (found.exit() == GETENT_NOT_FOUND) {
            return Optional.empty();
        }
        return Optional.of(DockerCommand.requireSuccess(found, "getent passwd " + user).split(":")[5]);
    }

    /** A container that will not be a target: its early shell hung up, the container removed. */
    void discard() {
        if (shell != null) {
            shell.abandon();
        }
        stopFollowing();
        if (id == null) {
            return;
        }
        DockerCommand.unlessGone("rm", "--force", id); // removed already (auto-remove): nothing left to do
    }

    private static String failed(String image) {
        return "container " + image + " did not start: ";
    }

    /** @param ready the ready line awaited, or null */
    private static String ended(String ready) {
        return "its first process ended" + (ready == null ? "" : " before it printed '" + ready + "'");
    }
}
