package dev.rehearse.targets.container;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.ProcessLimit;
import dev.rehearse.targets.RunStamp;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetPaths;
import dev.rehearse.targets.UserFiles;
import dev.rehearse.targets.shell.EarlyShell;
import dev.rehearse.targets.shell.PtyTransport;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.ShellTarget;
import dev.rehearse.targets.shell.TerminalMarks;
import dev.rehearse.targets.shell.TerminalPrograms;
import dev.rehearse.targets.shell.Transport;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.IsRunningStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fresh host in a Docker container (Testcontainers), one per run: by default the stardust image, an
 * Uberspace-like host (fixtures/stardust). The session is the same protocol as everywhere, a login shell of the
 * image's user on a PTY through {@code docker exec -it}. Files are read and written by the image's user inside the
 * container ({@link UserFiles}). The container has no network but its own loopback ({@link Networking#NONE}), or the
 * host's ({@link Networking#HOST}, for an sshd on a loopback port). It is removed at close, or when the JVM exits
 * before that (Ctrl-C), unless kept.
 * <p>
 * What an image tells the target, in labels: {@code dev.rehearse.user} (whose shell runs the steps; root when
 * absent), {@code dev.rehearse.hostname}, and {@code dev.rehearse.ready}, a line its first process prints once
 * its services run (an image without it gets {@code sleep infinity} as its command and is ready when started),
 * and any number of {@code dev.rehearse.fact.NAME} (further facts, which the sidecar's variables can follow).
 * {@code container:stardust} and {@code container:stardust-real} name this checkout's stardust images
 * ({@link StardustImage}), built first when there is none of their recipe.
 */
public final class ContainerTarget extends ShellTarget {
    /** the name that means this checkout's stardust image ({@link StardustImage#ensure(String)}) */
    public static final String DEFAULT_IMAGE = "rehearse/stardust:latest";
    private static final String LABEL_USER = "dev.rehearse.user";
    private static final String LABEL_HOSTNAME = "dev.rehearse.hostname";
    private static final String LABEL_READY = "dev.rehearse.ready";
    /** {@code dev.rehearse.fact.NAME=VALUE}: a further fact of the host (the Synapse version it holds) */
    private static final String LABEL_FACT = "dev.rehearse.fact.";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    /** what getent exits with when there is no such entry */
    private static final int GETENT_NOT_FOUND = 2;
    private static final ShellSettings SETTINGS = ShellSettings.DEFAULT;
    /** The container's network: its own loopback only, or the host's. Never a bridge. */
    public enum Networking { NONE, HOST }

    private final String image;
    private final Networking networking;
    private final GenericContainer<?> container;
    private final boolean keep;
    private final TargetFacts facts;
    private final Duration imageReady;
    private final Duration started;
    /** what a {@code docker} command needs to reach the container's engine ({@link Docker#cliEnvironment()}) */
    private final Map<String, String> dockerEnv;
    /** kills a container not kept when the JVM exits before {@link #close()} (Ctrl-C, a crashed test) */
    private final Thread killOnExit;
    /** whether it was killed (or, kept, let go of): once, by close() or the hook at exit, whichever comes first */
    private final AtomicBoolean done = new AtomicBoolean();

    private ContainerTarget(String image, Networking networking, LoggingIn container, boolean keep,
                            TargetFacts facts, Duration imageReady, Duration started, Map<String, String> dockerEnv) {
        super(container.shell);
        this.image = image;
        this.networking = networking;
        this.container = container;
        this.keep = keep;
        this.facts = facts;
        this.imageReady = imageReady;
        this.started = started;
        this.dockerEnv = Map.copyOf(dockerEnv);
        this.killOnExit = keep ? null : new Thread(this::kill, "rehearse-container-removal");
        Docker.hold();
        if (killOnExit != null) {
            Runtime.getRuntime().addShutdownHook(killOnExit);
        }
    }

    /**
     * Starts a fresh container of the image {@code name} and waits until its services run. {@link #DEFAULT_IMAGE}
     * stands for this checkout's stardust image, built first when there is none of its recipe.
     *
     * @throws BadInput when Docker cannot be reached, the image is not there or lacks the user it names; one line
     *                   says how to fix it
     */
    public static ContainerTarget open(String name, Networking networking, boolean keep) {
        return open(name, networking, keep, RunStamp.next());
    }

    /**
     * As {@link #open(String, Networking, boolean)}, the container labelled with the run's {@code stamp}
     * ({@link ContainerLeftovers}).
     */
    public static ContainerTarget open(String name, Networking networking, boolean keep, RunStamp stamp) {
        return open(name, networking, keep, stamp, READY_TIMEOUT);
    }

    /** As {@link #open(String, Networking, boolean, RunStamp)}, waiting {@code readyTimeout} for the ready line. */
    static ContainerTarget open(String name, Networking networking, boolean keep, RunStamp stamp,
                                Duration readyTimeout) {
        DockerClient docker = Docker.client();
        // the wait for the client is Rehearse's own time, not the image's (the client opens while the guide is read)
        long t0 = System.nanoTime();
        String image = StardustImage.flavourNamed(name).map(StardustImage::ensure).orElse(name);
        Map<String, String> labels = labels(docker, image);
        Duration imageReady = Duration.ofNanos(System.nanoTime() - t0);

        long t1 = System.nanoTime();
        String user = labels.getOrDefault(LABEL_USER, "root");
        String hostname = labels.getOrDefault(LABEL_HOSTNAME, "rehearse");
        String domain = user + "." + hostname + ".test";
        Map<String, String> dockerEnv = Docker.cliEnvironment();
        String ready = labels.get(LABEL_READY);
        LoggingIn container = new LoggingIn(image, user, dockerEnv, new FirstProcessOutput(ready))
                .withImagePullPolicy(any -> false) // there is no registry: local images only
                .withNetworkMode(networking == Networking.HOST ? "host" : "none")
                .withEnv("STARDUST_DOMAIN", domain)
                .withCreateContainerCmdModifier(cmd -> {
                    cmd.withHostName(hostname);
                    OutsideTheSession labeled = new OutsideTheSession(cmd.getLabels());
                    labeled.putAll(ContainerLeftovers.labels(stamp, keep));
                    cmd.withLabels(labeled);
                    cmd.getHostConfig().withPidsLimit((long) ProcessLimit.MOST_PROCESSES);
                    if (!keep) {
                        // the engine removes it once it is killed: a run does not wait for its layers to go
                        cmd.getHostConfig().withAutoRemove(true);
                    }
                    if (networking == Networking.NONE) {
                        // the guide's services bind '::' too, Synapse's generated config '::1': a network-less
                        // container has IPv6 off unless asked
                        cmd.getHostConfig().withSysctls(Map.of("net.ipv6.conf.lo.disable_ipv6", "0",
                                "net.ipv6.conf.all.disable_ipv6", "0"));
                    }
                });
        if (ready != null) {
            container.waitingFor(new ReadyLine(container.printed, ready).withStartupTimeout(readyTimeout));
        } else {
            container.withCommand("sleep", "infinity").waitingFor(Wait.forSuccessfulCommand("true"));
        }
        try {
            container.start();
        } catch (RuntimeException e) {
            // Testcontainers has removed the container by now
            discard(container, docker);
            FirstProcessOutput printed = container.printed;
            String failed = "container " + image + " did not start: ";
            if (printed.processEnded()) { // the whole story: Testcontainers' retries would add noise
                throw new IllegalStateException(failed + ended(ready) + printed.shown());
            }
            throw new IllegalStateException(failed + rootMessage(e) + printed.shown(), e);
        }
        String home;
        try {
            home = container.home != null ? container.home : homeOf(container, user).orElseThrow(() ->
                    new BadInput("--target", 0, "the image " + image + " names the user '" + user + "' ("
                            + LABEL_USER + "), who is not there once it is ready"));
        } catch (RuntimeException e) {
            discard(container, docker);
            throw e;
        }
        Duration started = Duration.ofNanos(System.nanoTime() - t1);
        Map<String, String> more = new LinkedHashMap<>();
        labels.forEach((label, value) -> {
            if (label.startsWith(LABEL_FACT) && label.length() > LABEL_FACT.length()) {
                more.put(label.substring(LABEL_FACT.length()), value);
            }
        });
        return new ContainerTarget(image, networking, container, keep,
                new TargetFacts(user, hostname, home, domain, more), imageReady, started, dockerEnv);
    }

    @Override
    public TargetFacts facts() {
        return facts;
    }

    /**
     * Removes the containers of runs whose process ended without removing them (SIGKILL): only ours, only those
     * whose process is provably gone, never a kept one.
     *
     * @return one line for each container removed
     */
    public static List<String> reapLeftovers() {
        return ContainerLeftovers.reap(Docker.client());
    }

    /** the container's id, for {@code docker exec} and {@code --keep} */
    public String containerId() {
        return container.getContainerId();
    }

    /**
     * Runs a command in the container as root, outside the session (setting the host up: starting sshd, say).
     *
     * @return its standard output
     * @throws IllegalStateException when it exits non-zero
     */
    public String execAsRoot(String... command) {
        return exec(container, "root", command);
    }

    @Override
    protected Transport startShell() {
        return login(container.getContainerInfo(), facts.user(), facts.home(), dockerEnv);
    }

    /** A login shell of {@code user} through {@code docker exec -it}. */
    private static Transport login(InspectContainerResponse running, String user, String home,
                                   Map<String, String> dockerEnv) {
        String containerId = running.getId();
        String mark = TerminalMarks.next();
        List<String> argv = new ArrayList<>(List.of("docker", "exec", "-it", "-u", user, "-w", home,
                "-e", "TERM=" + SETTINGS.term(), "-e", "LANG=C.UTF-8", "-e", mark,
                // docker exec sets HOME but not what login(1) sets besides: guides use $USER in paths
                "-e", "USER=" + user, "-e", "LOGNAME=" + user,
                containerId, "bash", "--login", "-i"));
        Map<String, String> env = new LinkedHashMap<>(dockerEnv);
        env.put("TERM", SETTINGS.term());
        Long firstPid = running.getState().getPidLong();
        return PtyTransport.start(argv, env, Path.of(System.getProperty("java.io.tmpdir")),
                SETTINGS.columns(), SETTINGS.rows(),
                firstPid == null ? TerminalPrograms.NONE : new ContainerProcesses(containerId, firstPid, mark));
    }

    /** The user's home, from the container's user database; empty when there is no such user. */
    private static Optional<String> homeOf(GenericContainer<?> container, String user) {
        String[] command = {"getent", "passwd", user};
        ExecResult found = ran(container, "root", command);
        return found.getExitCode() == GETENT_NOT_FOUND ? Optional.empty()
                : Optional.of(output(found, command).split(":")[5]);
    }

    /** A container that will not be a target: its early shell hung up, the container removed. */
    private static void discard(LoggingIn container, DockerClient docker) {
        if (container.shell != null) {
            container.shell.abandon();
        }
        if (container.startedId != null) {
            try {
                docker.removeContainerCmd(container.startedId).withForce(true).exec();
            } catch (NotFoundException | ConflictException gone) {
                // removed already (Testcontainers removes a container that failed to start), or being removed
            }
        }
    }

    @Override
    protected ShellSettings shellSettings() {
        return SETTINGS;
    }

    @Override
    public Optional<String> readFile(String path) {
        return files().read(resolve(path));
    }

    /** As the image's user, inside the container ({@link UserFiles}). */
    @Override
    public void writeFile(String path, String content) {
        files().write(resolve(path), content);
    }

    /**
     * Through the Docker client; a write's content goes on the exec's standard input, which the client cannot end,
     * so the write reads as many bytes as it was told. Where the image cannot do that, the {@code docker} command
     * carries the content, and ends it.
     */
    private UserFiles files() {
        UserFiles.Exec client = new ClientExec(container.getDockerClient(), containerId(), facts.user());
        UserFiles.Exec command = UserFiles.locally(List.of("docker", "exec", "-i", "-u", facts.user(),
                containerId()), dockerEnv);
        return new UserFiles((argv, input) -> (input.length == 0 ? client : command).run(argv, input), client);
    }

    @Override
    public String describe() {
        return "container " + image + " " + shortId() + " (" + facts.user() + "@" + facts.host()
                + ", network " + networking.name().toLowerCase() + "; image ready in " + seconds(imageReady)
                + ", started in " + seconds(started) + ")";
    }

    @Override
    public synchronized void close() {
        if (keep) {
            closeSession();
            if (done.compareAndSet(false, true)) {
                Docker.letGo();
            }
            return;
        }
        // the engine answers a kill once the container has stopped: the session's terminal closes meanwhile
        FutureTask<Void> killing = new FutureTask<>(this::kill, null);
        new Thread(killing, "rehearse-container-kill").start();
        closeSession();
        Faults.awaited(killing); // through a second Ctrl-C: cut short, close would return with the container running
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting: the hook runs anyway, and a second kill finds nothing to do
        }
    }

    private void kill() {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        try {
            container.getDockerClient().killContainerCmd(containerId()).exec();
        } catch (NotFoundException | ConflictException e) {
            // already gone, or no longer running (and so already being removed)
        } finally {
            Docker.letGo(); // an engine over ssh may go now
        }
    }

    private String resolve(String path) {
        return TargetPaths.resolve(path, facts.home(), facts.home());
    }

    private String shortId() {
        return containerId().substring(0, 12);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }

    private static String exec(GenericContainer<?> container, String user, String... command) {
        return output(ran(container, user, command), command);
    }

    /** @throws IllegalStateException when it exited non-zero */
    private static String output(ExecResult result, String... command) {
        if (result.getExitCode() != 0) {
            throw new IllegalStateException("in the container, " + String.join(" ", command).lines().findFirst()
                    .orElse("") + " exited " + result.getExitCode() + ": " + result.getStderr().strip());
        }
        return result.getStdout();
    }

    private static ExecResult ran(GenericContainer<?> container, String user, String... command) {
        try {
            return container.execInContainerWithUser(user, command);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run a command in the container", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running a command in the container");
        }
    }

    private static Map<String, String> labels(DockerClient docker, String image) {
        try {
            Map<String, String> labels = docker.inspectImageCmd(image).exec().getConfig().getLabels();
            return labels != null ? labels : Map.of();
        } catch (NotFoundException e) {
            throw new BadInput("--target", 0, "no Docker image " + image + " here (there is no registry: build it first)");
        } catch (BadRequestException e) {
            // a name the engine reads as no reference at all (capitals in it, "a::b")
            throw new BadInput("--target", 0, "container:" + image + ": not an image's name, the Docker engine says: "
                    + Faults.withCauses(e));
        }
    }

    /** @param ready the ready line awaited, or null */
    private static String ended(String ready) {
        return "its first process ended" + (ready == null ? "" : " before it printed '" + ready + "'");
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage();
    }

    /**
     * A container whose user's login shell starts as soon as it runs: the first command finds it waiting, as the
     * services' start (the ready line) takes longer than a shell's. The shell is the one the session would start
     * later; nothing runs in it before the container is ready. A user that is not there yet (made by the image's
     * first process) is looked for again once the container is ready, and its shell started when a step needs it.
     */
    private static final class LoggingIn extends GenericContainer<LoggingIn> {
        private final String user;
        private final Map<String, String> dockerEnv;
        /** the user's home, once known while the container got ready; else null */
        private volatile String home;
        /** the login shell started while the container got ready; else null */
        private volatile EarlyShell shell;
        /** the container's id once it runs: Testcontainers forgets it when the start fails; else null */
        private volatile String startedId;
        /** followed from the start, as Testcontainers does for a log consumer */
        private final FirstProcessOutput printed;

        LoggingIn(String image, String user, Map<String, String> dockerEnv, FirstProcessOutput printed) {
            super(DockerImageName.parse(image));
            this.user = user;
            this.dockerEnv = dockerEnv;
            this.printed = printed;
            withLogConsumer(printed);
            withStartupCheckStrategy(new IsRunningStartupCheckStrategy() {
                /** A container the engine removed has ended (auto-remove): no use waiting for it to run. */
                @Override
                public StartupStatus checkStartupState(DockerClient docker, String containerId) {
                    StartupStatus status;
                    try {
                        status = super.checkStartupState(docker, containerId);
                    } catch (NotFoundException removed) {
                        status = StartupStatus.FAILED;
                    }
                    if (status == StartupStatus.FAILED) {
                        printed.sawProcessEnd();
                    }
                    return status;
                }
            });
        }

        /** Running, not yet ready (Testcontainers' wait for the ready line comes next). */
        @Override
        protected void containerIsStarting(InspectContainerResponse info) {
            startedId = info.getId();
            try {
                home = homeOf(this, user).orElse(null);
            } catch (RuntimeException endedAlready) {
                return; // which the wait for it tells
            }
            if (home == null) {
                return; // not there yet
            }
            shell = EarlyShell.start(() -> login(info, user, home, dockerEnv), SETTINGS);
        }
    }

    /**
     * The wait for the image's ready line, which ends as soon as the first process does: Testcontainers' own wait
     * for a log line would wait its whole time for a line from a process that is gone.
     */
    private static final class ReadyLine extends AbstractWaitStrategy {
        private final FirstProcessOutput printed;
        private final String ready;

        ReadyLine(FirstProcessOutput printed, String ready) {
            this.printed = printed;
            this.ready = ready;
        }

        @Override
        protected void waitUntilReady() {
            FirstProcessOutput.Outcome outcome;
            try {
                outcome = printed.awaitReady(startupTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for '" + ready + "'");
            }
            if (outcome == FirstProcessOutput.Outcome.TIMED_OUT) {
                throw new ContainerLaunchException("it did not print '" + ready + "' within "
                        + startupTimeout.toSeconds() + " s");
            }
            if (outcome == FirstProcessOutput.Outcome.ENDED) {
                throw new ContainerLaunchException(ended(ready));
            }
        }
    }

    /**
     * The labels of our containers. Without Ryuk, Testcontainers removes every container labelled with its session
     * when the JVM exits, by a hook that waits for the removal and fails loudly on a container already being
     * removed. A kept container must outlive the run, and the others are killed and removed by the engine (see
     * {@link #close()}), so none gets that label, whoever adds it.
     */
    private static final class OutsideTheSession extends HashMap<String, String> {
        OutsideTheSession(Map<String, String> labels) {
            if (labels != null) {
                putAll(labels);
            }
        }

        @Override
        public String put(String key, String value) {
            return key.equals(DockerClientFactory.TESTCONTAINERS_SESSION_ID_LABEL) ? null : super.put(key, value);
        }

        @Override
        public void putAll(Map<? extends String, ? extends String> labels) {
            labels.forEach(this::put);
        }
    }
}
