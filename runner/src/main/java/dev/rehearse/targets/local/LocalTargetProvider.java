package dev.rehearse.targets.local;

import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;
import dev.rehearse.targets.shell.ShellSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code local}: a throwaway sandbox on this machine; {@code local:DIR}: DIR as HOME, never removed. */
public final class LocalTargetProvider implements TargetProvider {

    @Override
    public String scheme() {
        return "local";
    }

    @Override
    public List<String> forms() {
        return List.of("local", "local:DIR");
    }

    @Override
    public String summary() {
        return "a sandbox on this machine, the default (DIR as HOME)";
    }

    @Override
    public List<String> reapLeftovers(TargetOptions options) {
        return LocalTarget.reapLeftovers();
    }

    /** {@code local} is a sandbox made empty for each run; {@code local:DIR} keeps what the steps left in DIR. */
    @Override
    public Optional<String> afreshEachRun(String spec) {
        return spec.equals(scheme()) ? Optional.of("an empty sandbox") : Optional.empty();
    }

    /**
     * Making the sandbox's user (useradd) and starting its login shell take as long as reading a guide, and
     * removing them is quick.
     */
    @Override
    public boolean opensAlongsideReading() {
        return true;
    }

    @Override
    public Target open(String spec, TargetOptions options) {
        return LocalTarget.open(folderOf(spec), options.keep(), ShellSettings.DEFAULT, options.stamp())
                .withShellStarting();
    }

    /** The HOME {@code local:DIR} names; null for {@code local}, a fresh temporary sandbox. */
    private static Path folderOf(String spec) {
        if (spec.equals("local")) {
            return null;
        }
        String dir = spec.substring("local:".length());
        if (dir.isEmpty() || dir.indexOf('\0') >= 0) {
            throw new BadInput("--target", 0, dir.isEmpty() ? "local: names no folder (local:DIR)"
                    : "local:" + dir.replace('\0', '?') + ": a folder's name holds no NUL character");
        }
        Path folder = Path.of(dir);
        String where = realPath(folder).toString();
        if (RunUser.weAreRoot() && isSystemFolder(where)) {
            // as root the run's throwaway user owns its HOME while the run goes, and every file in it is handed back
            throw new BadInput("--target", 0, "local:" + dir + " names " + where + ", a folder of the system or of a "
                    + "user: the run's user would own it while the run goes; name a folder of its own (local:/srv/try)");
        }
        return folder;
    }

    /** the root, a folder right under it or right under /usr or /var, or a user's home in /etc/passwd */
    private static boolean isSystemFolder(String path) {
        long depth = path.chars().filter(c -> c == '/').count();
        if (path.equals("/") || depth == 1 || depth == 2 && (path.startsWith("/usr/") || path.startsWith("/var/"))) {
            return true;
        }
        try {
            return Files.readAllLines(Path.of("/etc/passwd")).stream().map(line -> line.split(":", -1))
                    .anyMatch(fields -> fields.length >= 6 && fields[5].equals(path));
        } catch (IOException e) {
            return false;
        }
    }

    /** The folder with every link on its way resolved, as far as it exists, and the rest of it as given. */
    private static Path realPath(Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        for (Path existing = absolute; existing != null; existing = existing.getParent()) {
            try {
                return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
            } catch (IOException notThere) {
                // its parent, then
            }
        }
        return absolute;
    }
}
