package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The stardust images: built by {@code fixtures/stardust/build.sh FLAVOUR} as {@code rehearse/FLAVOUR:RECIPE},
 * RECIPE a hash of what it is made of, so it is reused while the recipe holds and checkouts of other recipes sharing
 * one Docker engine never rebuild over each other; the Debian base is made with debootstrap when it is missing.
 * Flavours: {@code stardust} (bookworm and the Synapse test double), {@code stardust-real} (sid and Debian's
 * matrix-synapse).
 */
public final class StardustImage {
    private static final String BUILD_SCRIPT = "fixtures/stardust/build.sh";
    /** the flavours build.sh makes, by the name {@code --target container:NAME} gives them */
    public static final java.util.Set<String> FLAVOURS = java.util.Set.of("stardust", "stardust-real");

    private StardustImage() {
    }

    /**
     * Builds the checkout's stardust image when there is none of its recipe; quick (a few hashes and look-ups) when
     * there is. Progress and errors of a build go to this process's standard error. One at a time: runs that start
     * together ({@code rehearse matrix --jobs N}) would otherwise each build the same missing image.
     *
     * @param flavour one of {@link #FLAVOURS}
     * @return the image, {@code rehearse/FLAVOUR:RECIPE}
     * @throws BadInput when the build script is not found or the build fails (it printed why)
     */
    public static synchronized String ensure(String flavour) {
        Path script = buildScript();
        try {
            Process build = new ProcessBuilder(script.toString(), flavour)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            build.getOutputStream().close();
            String printed = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = build.waitFor();
            if (status != 0 || printed.isEmpty()) {
                throw new BadInput(BUILD_SCRIPT, 0, "could not build the " + flavour + " image (exit status " + status
                        + "; its messages are above)");
            }
            return printed.lines().reduce((first, last) -> last).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the " + flavour + " image");
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
