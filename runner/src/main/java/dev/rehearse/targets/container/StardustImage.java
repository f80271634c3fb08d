package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.UserFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * the build, so the jar needs no checkout ({@link StardustRecipe}): an image that is there is found through the
 * docker command; else the recipe is unpacked into a temporary folder and its build script runs there. The hash
 * covers the files' contents only, so the unpacked recipe names the same image as the checkout's.
 */
public final class StardustImage {
    private static final String BUILD_SCRIPT = "stardust/build.sh";
    /** the flavours build.sh makes, by the name {@code --target container:NAME} gives them */
    private static final Set<String> FLAVOURS = Set.of("stardust", "stardust-real");

    private StardustImage() {
    }

    /**
     * The flavour {@code container:NAME} means: {@code stardust} for {@link ContainerTarget#DEFAULT_IMAGE}, a
     * flavour for its own name; empty for any other image.
     */
    static Optional<String> flavourNamed(String name) {
        return name.equals(ContainerTarget.DEFAULT_IMAGE) ? Optional.of("stardust")
                : FLAVOURS.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /**
     * Builds the stardust image when there is none of its recipe; two {@code docker} commands when there is one
     * (its base's id, and the image of that recipe tagged {@code latest}). Progress and errors of a build go to this
     * process's standard error. One at a time: runs that start together ({@code rehearse matrix --jobs N}) would
     * otherwise each build the same missing image.
     *
     * @param flavour one of {@link #FLAVOURS}
     * @return the image, {@code rehearse/FLAVOUR:RECIPE}
     * @throws BadInput when the build fails (it printed why)
     */
    public static synchronized String ensure(String flavour) {
        try {
            StardustRecipe recipe = StardustRecipe.packed();
            String there = existing(recipe, flavour);
            return there != null ? there : build(recipe, flavour);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack or run the stardust image's recipe", e);
        }
    }

    /**
     * The image build.sh would name, when it and its base are there; it is tagged {@code latest} then, as build.sh
     * does. Null when build.sh has to make either.
     */
    private static String existing(StardustRecipe recipe, String flavour) {
        UserFiles.Ran base = DockerCommand.run(List.of("image", "inspect", "--format", "{{.Id}}",
                recipe.baseImage(flavour)));
        if (base.exit() != 0) {
            return absent(base);
        }
        String image = recipe.image(flavour, base.out().strip());
        UserFiles.Ran tagged = DockerCommand.run(List.of("tag", image, "rehearse/" + flavour + ":latest"));
        return tagged.exit() == 0 ? image : absent(tagged);
    }

    /** null, for an image docker says is not there; else what it said, thrown */
    private static String absent(UserFiles.Ran ran) {
        DockerCommand.Refused refused = new DockerCommand.Refused("image", ran);
        if (refused.noSuch("image")) {
            return null;
        }
        throw refused;
    }

    /** Runs build.sh from the recipe unpacked into a temporary folder, on the engine the run uses. */
    private static String build(StardustRecipe recipe, String flavour) throws IOException {
        Path folder = null;
        try {
            folder = unpack(recipe, Files.createTempDirectory("rehearse-stardust-recipe-"));
            ProcessBuilder builder = new ProcessBuilder(folder.resolve(BUILD_SCRIPT).toString(), flavour)
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the " + flavour + " image");
        } finally {
            if (folder != null) {
                delete(folder);
            }
        }
    }

    /**
     * Writes the recipe packed in Rehearse's classes into {@code into}: {@code into/stardust/...} and
     * {@code into/synapse-double/...}. A jar keeps no file modes: a file that starts with {@code #!} is a script and
     * made executable, as it is in the repository.
     *
     * @return {@code into}
     */
    static Path unpack(Path into) throws IOException {
        return unpack(StardustRecipe.packed(), into);
    }

    private static Path unpack(StardustRecipe recipe, Path into) throws IOException {
        for (Map.Entry<String, byte[]> file : recipe.files().entrySet()) {
            Path to = into.resolve(file.getKey());
            Files.createDirectories(to.getParent());
            Files.write(to, file.getValue(), StandardOpenOption.CREATE_NEW);
            byte[] content = file.getValue();
            if (content.length >= 2 && content[0] == '#' && content[1] == '!') {
                Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return into;
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
