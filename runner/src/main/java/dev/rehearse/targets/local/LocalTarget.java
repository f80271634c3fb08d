package dev.rehearse.targets.local;

import dev.rehearse.files.AtomicFiles;
import dev.rehearse.guide.BadInput;
import dev.rehearse.model.TargetFacts;
import dev.rehearse.targets.TargetPaths;
import dev.rehearse.targets.shell.PtyTransport;
import dev.rehearse.targets.shell.ShellSettings;
import dev.rehearse.targets.shell.ShellTarget;
import dev.rehearse.targets.shell.Transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * (or the folder {@code local:DIR} names). As root, the shell runs as an ordinary user made for the run.
 * At close a temporary sandbox and its user are removed unless kept; a folder the user named is never removed.
 */
public final class LocalTarget extends ShellTarget {
    private static final String PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private final Path sandbox;
    private final Path home;
    private final RunUser runUser;
    private final boolean keep;
    private final TargetFacts facts;
    private final ShellSettings settings;

    private LocalTarget(Path sandbox, Path home, RunUser runUser, boolean keep, ShellSettings settings) {
        this.sandbox = sandbox;
        this.home = home;
        this.runUser = runUser;
        this.keep = keep;
        this.settings = settings;
        String user = runUser != null ? runUser.name() : System.getProperty("user.name");
        String host = hostname();
        this.facts = new TargetFacts(user, host, home.toString(), user + "." + host + ".test");
    }

    /** @param dir the HOME to use, or null for a fresh temporary sandbox */
    public static LocalTarget open(Path dir, boolean keep) {
        return open(dir, keep, ShellSettings.DEFAULT);
    }

    public static LocalTarget open(Path dir, boolean keep, ShellSettings settings) {
        try {
            Path sandbox = null;
            Path home;
            if (dir == null) {
                sandbox = Files.createTempDirectory("rehearse-local-");
                // the run user must be able to reach its home inside
                Files.setPosixFilePermissions(sandbox, PosixFilePermissions.fromString("rwx--x--x"));
                home = Files.createDirectory(sandbox.resolve("home"));
            } else {
                home = Files.createDirectories(dir.toAbsolutePath().normalize());
            }
            if (RunUser.weAreRoot()) {
                requireReachableByOthers(home);
            }
            RunUser user = RunUser.weAreRoot() ? RunUser.create(home) : null;
            return new LocalTarget(sandbox, home, user, keep, settings);
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

    @Override
    public TargetFacts facts() {
        return facts;
    }

    /** A login shell of the run's user (as root) or ours, in the sandbox. */
    @Override
    protected Transport startShell() {
        List<String> argv = runUser != null
                ? List.of("runuser", "--login", runUser.name())
                : List.of("bash", "--login", "-i");
        Map<String, String> env = new LinkedHashMap<>();
        env.put("HOME", home.toString());
        env.put("USER", facts.user());
        env.put("LOGNAME", facts.user());
        env.put("SHELL", "/bin/bash");
        env.put("PATH", PATH);
        env.put("TERM", settings.term());
        env.put("LANG", "C.UTF-8");
        return PtyTransport.start(argv, env, home, settings.columns(), settings.rows());
    }

    @Override
    protected ShellSettings shellSettings() {
        return settings;
    }

    @Override
    public Optional<String> readFile(String path) {
        Path file = resolve(path);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    @Override
    public void writeFile(String path, String content) {
        Path file = resolve(path);
        List<Path> made = new ArrayList<>();
        for (Path dir = file.getParent(); dir != null && !Files.exists(dir); dir = dir.getParent()) {
            made.add(dir);
        }
        try {
            AtomicFiles.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        if (runUser != null) {
            made.forEach(runUser::own);
            runUser.own(file);
        }
    }

    @Override
    public String describe() {
        return "local " + home + " (user " + facts.user() + ")";
    }

    public Path home() {
        return home;
    }

    private Path resolve(String path) {
        return Path.of(TargetPaths.resolve(path, home.toString(), home.toString()));
    }

    @Override
    public synchronized void close() {
        closeSession();
        if (keep) {
            return;
        }
        if (runUser != null) {
            runUser.remove();
        }
        if (sandbox != null) {
            deleteTree(sandbox);
        }
    }

    private static void deleteTree(Path root) {
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
