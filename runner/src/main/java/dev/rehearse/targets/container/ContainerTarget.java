package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.ProcessLimit;
import dev.rehearse.targets.RunStamp;
import dev.rehearse.targets.TargetPaths;
import dev.rehearse.targets.UserFiles;
import dev.rehearse.targets.shell.PtyTransport;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.ShellTarget;
import dev.rehearse.targets.shell.TerminalMarks;
import dev.rehearse.targets.shell.TerminalPrograms;
import dev.rehearse.targets.shell.Transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fresh host in a Docker container, one per run: by default the stardust image, an Uberspace-like host
 * (fixtures/stardust). The session is the same protocol as everywhere, a login shell of the image's user on a PTY
 * through {@code docker exec -it}. Files are read and written by the image's user inside the container
 * ({@link UserFiles}), through the Docker client ({@link ClientExec}). The container is made, started and killed by
 * the {@code docker} command ({@link ContainerStart}), which needs no client opened first. It has no network but its
 * own loopback ({@link Networking#NONE}), or the host's ({@link Networking#HOST} for an sshd on a loopback port,
 * {@link Networking#ONLINE} for a guide that downloads what it installs).
 * It is removed at close, or when the JVM exits before that (Ctrl-C), unless kept.
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
    private static final ShellSettings SETTINGS = ShellSettings.DEFAULT;
    /**
     * The container's network: its own loopback only, or the host's; never a bridge. Where a guide is to download
     * what it installs (ONLINE), the stardust host's pip reaches its package index too; elsewhere it installs from the
     * image's package folder only, as it would time out on an index it cannot reach.
     */
    public enum Networking {
        NONE("none", false),
        /** the machine's network, for an sshd on a loopback port */
        HOST("host", false),
        /** the machine's network and the package index on it: {@code --network host} */
        ONLINE("host", true);

        private final String docker;
        private final boolean packageIndex;

        Networking(String docker, boolean packageIndex) {
            this.docker = docker;
            this.packageIndex = packageIndex;
        }
    }

    private final String image;
    private final Networking networking;
    private final String containerId;
    /** the container's first process's number on this machine, as the engine gave it once it ran */
    private final Long firstPid;
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

    private ContainerTarget(String image, Networking networking, ContainerStart container, boolean keep,
                            TargetFacts facts, Duration imageReady, Duration started, Map<String, String> dockerEnv) {
        super(container.shell());
        this.image = image;
        this.networking = networking;
        this.containerId = container.id();
        this.firstPid = container.firstPid().orElse(null);
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
        return open(name, networking, keep, stamp, new OpeningStop());
    }

    /**
     * As {@link #open(String, Networking, boolean, RunStamp)}, cut short by {@code stop}: the container is removed,
     * and {@link OpeningStop.Stopped} thrown.
     */
    public static ContainerTarget open(String name, Networking networking, boolean keep, RunStamp stamp,
                                       OpeningStop stop) {
        return open(name, networking, keep, stamp, stop, READY_TIMEOUT);
    }

    /** As {@link #open(String, Networking, boolean, RunStamp, OpeningStop)}, waiting {@code readyTimeout} at most. */
    static ContainerTarget open(String name, Networking networking, boolean keep, RunStamp stamp, OpeningStop stop,
                                Duration readyTimeout) {
        // the wait for the engine is Rehearse's own time, not the image's (it is reached while the guide is read)
        Map<String, String> dockerEnv = Docker.cliEnvironment();
        long t0 = System.nanoTime();
        String image = StardustImage.flavourNamed(name).map(StardustImage::ensure).orElse(name);
        Map<String, String> labels = labels(image);
        Duration imageReady = Duration.ofNanos(System.nanoTime() - t0);

        long t1 = System.nanoTime();
        String user = labels.getOrDefault(LABEL_USER, "root");
        String hostname = labels.getOrDefault(LABEL_HOSTNAME, "rehearse");
        String domain = user + "." + hostname + ".test";
        String ready = labels.get(LABEL_READY);
        ContainerStart container = new ContainerStart(image, ready);
        stop.onRequest(container::cut);
        container.create(options(networking, keep, stamp, hostname, domain),
                ready != null ? List.of() : List.of("sleep", "infinity"));
        container.start(user, ready, readyTimeout, SETTINGS,
                (pid, home) -> login(container.id(), pid, user, home, dockerEnv));
        String home;
        try {
            home = container.home() != null ? container.home() : container.homeOf(user).orElseThrow(() ->
                    new BadInput("--target", 0, "the image " + image + " names the user '" + user + "' ("
                            + LABEL_USER + "), who is not there once it is ready"));
        } catch (RuntimeException e) {
            container.discard();
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

    /**
     * The options of {@code docker create}: each one word, {@code --name=value}, so that no value reads as an
     * option.
     */
    private static List<String> options(Networking networking, boolean keep, RunStamp stamp, String hostname,
                                        String domain) {
        List<String> options = new ArrayList<>(List.of("--hostname=" + hostname,
                "--network=" + networking.docker,
                "--env=STARDUST_DOMAIN=" + domain, "--pids-limit=" + ProcessLimit.MOST_PROCESSES));
        ContainerLeftovers.labels(stamp, keep).forEach((label, value) -> options.add("--label=" + label + "=" + value));
        if (!keep) {
            options.add("--rm"); // the engine removes it once it is killed: a run does not wait for its layers to go
        }
        if (networking.packageIndex) {
            options.add("--env=STARDUST_PACKAGE_INDEX=1"); // the login environment leaves pip's index on then
        }
        if (networking == Networking.NONE) {
            // the guide's services bind '::' too, Synapse's generated config '::1': a network-less container has
            // IPv6 off unless asked
            options.add("--sysctl=net.ipv6.conf.lo.disable_ipv6=0");
            options.add("--sysctl=net.ipv6.conf.all.disable_ipv6=0");
        }
        return options;
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
        return ContainerLeftovers.reap();
    }

    /** the container's id, for {@code docker exec} and {@code --keep} */
    public String containerId() {
        return containerId;
    }

    /**
     * Runs a command in the container as root, outside the session (setting the host up: starting sshd, say).
     *
     * @return its standard output
     * @throws IllegalStateException when it exits non-zero
     */
    public String execAsRoot(String... command) {
        return DockerCommand.requireSuccess(DockerCommand.asRoot(containerId, List.of(command)),
                String.join(" ", command));
    }

    @Override
    protected Transport startShell() {
        return login(containerId, firstPid, facts.user(), facts.home(), dockerEnv);
    }

    /**
     * A login shell of {@code user} through {@code docker exec -it}.
     *
     * @param firstPid the container's first process's number on this machine, or null
     */
    private static Transport login(String containerId, Long firstPid, String user, String home,
                                   Map<String, String> dockerEnv) {
        String mark = TerminalMarks.next();
        List<String> argv = new ArrayList<>(List.of("docker", "exec", "-it", "-u", user, "-w", home,
                "-e", "TERM=" + SETTINGS.term(), "-e", "LANG=C.UTF-8", "-e", mark,
                // docker exec sets HOME but not what login(1) sets besides: guides use $USER in paths
                "-e", "USER=" + user, "-e", "LOGNAME=" + user,
                containerId, "bash", "--login", "-i"));
        Map<String, String> env = new LinkedHashMap<>(dockerEnv);
        env.put("TERM", SETTINGS.term());
        return PtyTransport.start(argv, env, Path.of(System.getProperty("java.io.tmpdir")),
                SETTINGS.columns(), SETTINGS.rows(),
                firstPid == null ? TerminalPrograms.NONE : new ContainerProcesses(containerId, firstPid, mark));
    }

    @Override
    protected ShellSettings shellSettings() {
        return SETTINGS;
    }

    /** The Docker client, which the files' reads and writes go through, opens on a thread of its own. */
    @Override
    public void filesAhead() {
        Docker.openEarly();
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
        UserFiles.Exec client = new ClientExec(Docker.client(), containerId, facts.user());
        UserFiles.Exec command = UserFiles.locally(List.of("docker", "exec", "-i", "-u", facts.user(),
                containerId), dockerEnv);
        return new UserFiles((argv, input) -> (input.length == 0 ? client : command).run(argv, input), client);
    }

    @Override
    public String describe() {
        return "container " + image + " " + shortId() + " (" + facts.user() + "@" + facts.host()
                + ", network " + networking.docker + "; image ready in " + seconds(imageReady)
                + ", started in " + seconds(started) + ")";
    }

    @Override
    public Optional<String> withoutNetwork() {
        return networking == Networking.NONE ? Optional.of("the container has no network but its own loopback "
                + "(--network host, or the sidecar's target: {network: host}, gives it the machine's)")
                : Optional.empty();
    }

    @Override
    public Optional<String> withoutProgram(String program) {
        return Optional.of((image.startsWith("rehearse/stardust") ? "the stardust host" : "the image " + image)
                + " has no " + program + ": a guide that needs it runs on an image of your own made from it "
                + "(--target container:IMAGE; docs/container.md)");
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
        Faults.awaited(killing);
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
            DockerCommand.unlessGone("kill", containerId); // gone already: nothing to do
        } finally {
            Docker.letGo(); // an engine over ssh may go now
        }
    }

    private String resolve(String path) {
        return TargetPaths.resolve(path, facts.home(), facts.home());
    }

    private String shortId() {
        return containerId.substring(0, 12);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toMillis() / 1000.0);
    }

    /** The image's labels, through the docker command. */
    private static Map<String, String> labels(String image) {
        UserFiles.Ran inspected = DockerCommand.run(List.of("image", "inspect", "--format", "{{json .Config.Labels}}",
                image));
        if (inspected.exit() != 0) {
            DockerCommand.Refused refused = new DockerCommand.Refused("image inspect", inspected);
            if (refused.said().contains("invalid reference format")) {
                // a name the engine reads as no reference at all (capitals in it, "a::b")
                throw new BadInput("--target", 0, "container:" + image + ": not an image's name, the Docker engine "
                        + "says: " + refused.said());
            }
            if (refused.noSuch("image")) {
                throw new BadInput("--target", 0, "no Docker image " + image
                        + " here (there is no registry: build it first)");
            }
            throw refused;
        }
        return DockerCommand.labels(inspected.out());
    }
}
