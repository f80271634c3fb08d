package dev.rehearse.targets.local;

import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.Target;
import dev.rehearse.targets.TargetOptions;
import dev.rehearse.targets.TargetProvider;
import dev.rehearse.targets.shell.ShellSettings;

import java.nio.file.Path;
import java.util.List;

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
        if (dir.isEmpty()) {
            throw new BadInput("--target", 0, "local: names no folder (local:DIR)");
        }
        return Path.of(dir);
    }
}
