package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The stardust images: built by {@code fixtures/stardust/build.sh FLAVOUR} as {@code rehearse/FLAVOUR:RECIPE},
 * RECIPE a hash of what it is made of, so it is reused while the recipe holds and checkouts of other recipes sharing
 * one Docker engine never rebuild over each other; the Debian base is made with debootstrap when it is missing.
 * Flavours: {@code stardust} (bookworm and the Synapse test double), {@code stardust-real} (sid and Debian's
 * matrix-synapse).
 *
 * <p>The recipe ({@code fixtures/stardust} and {@code fixtures/synapse-double}) is packed into Rehearse's jar by
 * the build, so the jar needs no checkout: each {@link #ensure()} unpacks it into a temporary folder and runs its
 * build script there. The hash covers the files' contents only, so the unpacked recipe names the same image as
 * the checkout's.
 */
public final class StardustImage {
    /** where the build puts the recipe among the classes: {@code RECIPE/stardust/build.sh} */
    static final String RECIPE = "dev/rehearse/targets/container/recipe";
    private static final String BUILD_SCRIPT = "stardust/build.sh";
    /** the flavours build.sh makes, by the name {@code --target container:NAME} gives them */
    public static final Set<String> FLAVOURS = Set.of("stardust", "stardust-real");

    private StardustImage() {
    }

    /**
     * Builds the stardust image when there is none of its recipe; quick (a few hashes and look-ups) when there
     * is. Progress and errors of a build go to this process's standard error. One at a time: runs that start
     * together ({@code rehearse matrix --jobs N}) would otherwise each build the same missing image.
     *
     * @param flavour one of {@link #FLAVOURS}
     * @return the image, {@code rehearse/FLAVOUR:RECIPE}
     * @throws BadInput when the build fails (it printed why)
     */
    public static synchronized String ensure(String flavour) {
        Path recipe = null;
        try {
            recipe = unpack(Files.createTempDirectory("rehearse-stardust-recipe-"));
            ProcessBuilder builder = new ProcessBuilder(recipe.resolve(BUILD_SCRIPT).toString(), flavour)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().putAll(Docker.cliEnvironment()); // built on the engine the run uses
            Process build = builder.start();
            build.getOutputStream().close();
            String printed = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            int status = build.waitFor();
            if (status != 0 || printed.isEmpty()) {
                throw new BadInput("fixtures/" + BUILD_SCRIPT, 0, "could not build the " + flavour
                        + " image (exit status " + status + "; its messages are above)");
            }
            return printed.lines().reduce((first, last) -> last).orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack or run the stardust image's recipe", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the " + flavour + " image");
        } finally {
            if (recipe != null) {
                delete(recipe);
            }
        }
    }

    /**
     * Copies the recipe from where this class was loaded (Rehearse's jar, or the build's classes folder) into
     * {@code into}: {@code into/stardust/...} and {@code into/synapse-double/...}. A jar keeps no file modes: a
     * file that starts with {@code #!} is a script and made executable, as it is in the repository.
     *
     * @return {@code into}
     */
    static Path unpack(Path into) throws IOException {
        Path code;
        try {
            code = Path.of(StardustImage.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where Rehearse's classes are", e);
        }
        if (Files.isDirectory(code)) {
            copy(code.resolve(RECIPE), into);
        } else {
            try (FileSystem jar = FileSystems.newFileSystem(code)) {
                copy(jar.getPath(RECIPE), into);
            }
        }
        if (!Files.isRegularFile(into.resolve(BUILD_SCRIPT))) {
            throw new IOException(code + " holds no stardust recipe (" + RECIPE + "/" + BUILD_SCRIPT + ")");
        }
        return into;
    }

    private static void copy(Path from, Path into) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path to = into.resolve(from.relativize(file).toString());
                Files.createDirectories(to.getParent());
                try (InputStream in = Files.newInputStream(file)) {
                    Files.copy(in, to);
                }
                if (isScript(to)) {
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
        }
    }

    private static boolean isScript(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(2);
            return start.length == 2 && start[0] == '#' && start[1] == '!';
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a temporary folder left behind is no reason to fail a run
        }
    }
}
