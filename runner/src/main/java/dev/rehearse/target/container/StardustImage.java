package dev.rehearse.target.container;

import dev.rehearse.guide.BadInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stardust image: built by {@code fixtures/stardust/build.sh}, which reuses the image while its recipe is
 * unchanged (a hash in its label) and makes the Debian base with debootstrap when that is missing.
 */
public final class StardustImage {
    private static final String BUILD_SCRIPT = "fixtures/stardust/build.sh";

    private StardustImage() {
    }

    /**
     * Builds {@code image} when it is missing or stale; quick (a hash and a look-up) when it is current.
     * Progress and errors of a build go to this process's standard error. One at a time: runs that start together
     * ({@code rehearse matrix --jobs N}) would otherwise each build the same missing image.
     *
     * @throws BadInput when the build script is not found or the build fails (it printed why)
     */
    public static synchronized void ensure(String image) {
        Path script = buildScript();
        try {
            Process build = new ProcessBuilder(script.toString(), image)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            int status = build.waitFor();
            if (status != 0) {
                throw new BadInput(BUILD_SCRIPT, 0, "could not build the image " + image + " (exit status " + status
                        + "; its messages are above)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building " + image);
        }
    }

    /**
     * The checkout's build script: under the {@code rehearse.root} system property when set, else in the first
     * folder above this code (the jar in runner/target, or the classes folder) that has it.
     */
    static Path buildScript() {
        String root = System.getProperty("rehearse.root");
        if (root != null) {
            return existing(Path.of(root).resolve(BUILD_SCRIPT));
        }
        try {
            Path here = Path.of(StardustImage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = here; dir != null; dir = dir.getParent()) {
                if (Files.isExecutable(dir.resolve(BUILD_SCRIPT))) {
                    return dir.resolve(BUILD_SCRIPT);
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through to the one-line message
        }
        return existing(Path.of(BUILD_SCRIPT).toAbsolutePath());
    }

    private static Path existing(Path script) {
        if (!Files.isExecutable(script)) {
            throw new BadInput(script.toString(), 0, "the stardust image's build script is not here; "
                    + "run Rehearse from its checkout");
        }
        return script;
    }
}
