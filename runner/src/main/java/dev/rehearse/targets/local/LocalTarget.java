package dev.rehearse.targets.local;

import dev.rehearse.guide.BadInput;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.RunStamp;
import dev.rehearse.targets.Session;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetPaths;
import dev.rehearse.targets.UserFiles;
import dev.rehearse.targets.shell.PtyTransport;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.ShellTarget;
import dev.rehearse.targets.shell.TerminalPrograms;
import dev.rehearse.targets.shell.Transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway sandbox on this machine: a login shell whose HOME is a fresh folder under the temporary folder
 * (or the folder {@code local:DIR} names). As root, the shell runs as an ordinary user: for a throwaway sandbox
 * one of {@link RunUserPool}'s, its HOME emptied; otherwise (kept, a named folder, no pool) a user made for the run.
 * At close a temporary sandbox and its user are removed (a pool's user is kept, its HOME removed) unless kept;
 * a folder the user named is never removed.
 */
public final class LocalTarget extends ShellTarget {
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Path sandbox;
    private final Path home;
    private final RunUser runUser;
    /** uid and gid of a folder named by {@code local:DIR} before the run user got it, to give it back at the end */
    private final int[] homeOwner;
    private final boolean keep;
    private final TargetFacts facts;
    private final ShellSettings settings;
    /** as the run's user: root never writes into a folder that user controls */
    private final UserFiles files;
    /** the pool's slot the run holds, or null when its user (if any) is its own */
    private final RunUserPool.Slot slot;
    private final String description;

    private LocalTarget(Path sandbox, Path home, RunUser runUser, boolean keep, ShellSettings settings,
                        int[] homeOwner, RunUserPool.Slot slot, RunStamp stamp) {
        this.slot = slot;
        this.homeOwner = homeOwner;
        this.sandbox = sandbox;
        this.home = home;
        this.runUser = runUser;
        this.keep = keep;
        this.settings = settings;
        String user = runUser != null ? runUser.name() : System.getProperty("user.name");
        String host = hostname();
        this.facts = new TargetFacts(user, host, home.toString(), user + "." + host + ".test");
        this.files = UserFiles.startingWith(runUser != null ? runUser.asUser() : List.of());
        // a pool's HOME is the same path in every run: the run's id tells this sandbox from an earlier one there
        this.description = "local " + home + " (user " + facts.user() + (slot != null ? ", run " + stamp.id() : "")
                + ")";
    }

    /** @param dir the HOME to use, or null for a fresh temporary sandbox */
    public static LocalTarget open(Path dir, boolean keep) {
        return open(dir, keep, ShellSettings.DEFAULT);
    }

    public static LocalTarget open(Path dir, boolean keep, ShellSettings settings) {
        return open(dir, keep, settings, RunStamp.next());
    }

    /** @param stamp the run's stamp, in the comment field of the user made for the run (as root) */
    public static LocalTarget open(Path dir, boolean keep, ShellSettings settings, RunStamp stamp) {
        if (dir == null && !keep && RunUser.weAreRoot()) {
            Optional<RunUserPool.Slot> slot = new RunUserPool(RunUserPool.ROOT).take(stamp);
            if (slot.isPresent()) {
                return new LocalTarget(null, slot.get().home(), slot.get().user(), false, settings, null, slot.get(),
                        stamp);
            }
        }
        try {
            Path sandbox = null;
            Path home;
            if (dir == null) {
                sandbox = Files.createTempDirectory(RunUser.SANDBOX_PREFIX);
                // the run user must be able to reach its home inside
                Files.setPosixFilePermissions(sandbox, PosixFilePermissions.fromString("rwx--x--x"));
                home = Files.createDirectory(sandbox.resolve("home"));
            } else {
                home = Files.createDirectories(dir.toAbsolutePath().normalize());
            }
            if (RunUser.weAreRoot()) {
                requireReachableByOthers(home);
            }
            int[] owner = {(Integer) Files.getAttribute(home, "unix:uid"), (Integer) Files.getAttribute(home, "unix:gid")};
            RunUser user;
            try {
                user = RunUser.weAreRoot() ? RunUser.create(home, stamp, keep, sandbox != null) : null;
            } catch (RuntimeException e) {
                if (sandbox != null) {
                    deleteTree(sandbox);
                }
                throw e;
            }
            if (sandbox != null) {
                // a fresh HOME starts as a new account's does; a folder the user named is left as it is
                HomeSkeleton.copy(HomeSkeleton.SYSTEM, home, user == null ? null : user.name());
            }
            return new LocalTarget(sandbox, home, user, keep, settings, owner, null, stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the local sandbox", e);
        }
    }

    /**
     * As root the shell runs as another user, who must be able to walk down to its HOME: a folder on the way that
     * only root may enter would make every step fail with "Permission denied", far from the cause.
     */
    private static void requireReachableByOthers(Path home) throws IOException {
        for (Path folder = home.getParent(); folder != null; folder = folder.getParent()) {
            if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new BadInput("local:" + home, 0, "the run's user cannot reach this folder: " + folder
                        + " is closed to other users (chmod o+x " + folder + ", or choose another DIR)");
            }
        }
    }

    /** This target, its login shell starting on a thread of its own ({@link #startShellEarly()}). */
    LocalTarget withShellStarting() {
        startShellEarly();
        return this;
    }

    @Override
    public TargetFacts facts() {
        return facts;
    }

    /** A login shell of the run's user (as root) or ours, in the sandbox. */
    @Override
    protected Transport startShell() {
        List<String> argv = new ArrayList<>(runUser != null ? runUser.asUserWithLimits() : List.of());
        // named -bash, as login and ssh start it: bash's own messages then read "-bash: ..." as in guides
        argv.addAll(List.of("bash", "-c", "exec -a -bash bash -i"));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("USER", facts.user());
        env.put("LOGNAME", facts.user());
        env.put("SHELL", "/bin/bash");
        env.put("PATH", PATH);
        env.put("TERM", settings.term());
        env.put("LANG", "C.UTF-8");
        return PtyTransport.start(argv, env, home, settings.columns(), settings.rows(),
                TerminalPrograms.DESCENDANTS);
    }

    @Override
    protected ShellSettings shellSettings() {
        return settings;
    }

    @Override
    public Optional<String> readFile(String path) {
        return files.read(resolve(path));
    }

    @Override
    public void writeFile(String path, String content) {
        files.write(resolve(path), content);
    }

    @Override
    public String describe() {
        return description;
    }

    public Path home() {
        return home;
    }

    private String resolve(String path) {
        return TargetPaths.resolve(path, home.toString(), home.toString());
    }

    @Override
    public synchronized void close() {
        closeSession();
        if (keep) {
            return;
        }
        if (slot != null) {
            slot.giveBack();
            return;
        }
        if (runUser != null) {
            if (sandbox == null) {
                // a process left running could make files after they are handed back
                runUser.stopProcesses();
                runUser.handBack(home, homeOwner[0], homeOwner[1]);
            }
            runUser.remove();
        }
        if (sandbox != null) {
            deleteTree(sandbox);
        }
    }

    /**
     * Removes the run users (and their sandboxes) that runs killed on the way left behind, and clears the pool's
     * slots they left; see {@link RunUser#reapLeftovers()}, {@link RunUserPool#reapLeftovers()}. Nothing when we are
     * not root: then no user was made.
     *
     * @return one line for each user removed
     */
    public static List<String> reapLeftovers() {
        if (!RunUser.weAreRoot()) {
            return List.of();
        }
        List<String> reaped = new ArrayList<>(RunUser.reapLeftovers());
        reaped.addAll(new RunUserPool(RunUserPool.ROOT).reapLeftovers());
        return reaped;
    }

    static void deleteTree(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the sandbox " + root, e);
        }
    }

    private static String hostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).strip();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
