package dev.rehearse.targets.container;

import dev.rehearse.model.Faults;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.FutureTask;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The stardust images' recipe as it travels in Rehearse's classes ({@code fixtures/stardust} and
 * {@code fixtures/synapse-double}, packed by the build), and the names {@code build.sh} gives what it makes of it,
 * computed here as the script computes them: a base image named after its {@code base.sh} and {@code packages.txt},
 * and the flavour's image after the base's id and its own files. So a run finds an image that is there with two
 * {@code docker} commands, without the script and the half a dozen it runs.
 * StardustImageIT holds this and the script to one answer.
 *
 * @param files each file's content, by its path under the recipe ({@code stardust/build.sh}), in bytewise order of
 *              the paths (build.sh sorts them so)
 */
record StardustRecipe(SortedMap<String, byte[]> files) {
    /** where the build puts the recipe among the classes: {@code RECIPE/stardust/build.sh} */
    static final String RECIPE = "dev/rehearse/targets/container/recipe";

    /** the recipe read from Rehearse's classes: once a process, as they do not change under it */
    private static final FutureTask<StardustRecipe> PACKED = new FutureTask<>(StardustRecipe::read);

    /**
     * Starts reading the recipe on a thread of its own (finding it among the jar's twenty thousand entries takes a
     * while), for {@link #packed()} to take when the image is looked up; no effect outside the process.
     */
    static void readEarly() {
        if (PACKED.isDone()) {
            return;
        }
        Thread reader = new Thread(PACKED, "rehearse-stardust-recipe");
        reader.setDaemon(true);
        reader.start();
    }

    /** The recipe from where this class was loaded: Rehearse's jar, or the build's classes folder. */
    static StardustRecipe packed() throws IOException {
        PACKED.run(); // here, unless another thread is reading it or has read it
        try {
            return Faults.awaited(PACKED);
        } catch (IllegalStateException wrapped) { // how Faults.thrownBy hands on a checked exception
            if (wrapped.getCause() instanceof IOException unreadable) {
                throw new IOException(unreadable.getMessage(), unreadable);
            }
            throw wrapped;
        }
    }

    private static StardustRecipe read() throws IOException {
        Path code;
        try {
            code = Path.of(StardustRecipe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot tell where Rehearse's classes are", e);
        }
        SortedMap<String, byte[]> files = new TreeMap<>();
        if (Files.isDirectory(code)) {
            read(code.resolve(RECIPE), files);
        } else {
            // the class loader's open jar is shared (a zip file system would read its whole directory again)
            try (ZipFile jar = new ZipFile(code.toFile())) {
                String under = RECIPE + "/";
                for (ZipEntry entry : jar.stream().filter(e -> !e.isDirectory() && e.getName().startsWith(under))
                        .toList()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        files.put(entry.getName().substring(under.length()), in.readAllBytes());
                    }
                }
            }
        }
        if (!files.containsKey("stardust/build.sh")) {
            throw new IOException(code + " holds no stardust recipe (" + RECIPE + "/stardust/build.sh)");
        }
        return new StardustRecipe(files);
    }

    private static void read(Path from, Map<String, byte[]> into) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> all = Files.walk(from)) {
            for (Path file : all.filter(Files::isRegularFile).toList()) {
                into.put(from.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
    }

    /**
     * The base image a flavour's {@code base.sh} makes: {@code rehearse/stardust-base:R} (stardust) or
     * {@code rehearse/stardust-real-base:R} (stardust-real), R the start of the hash of its base.sh and packages.txt.
     */
    String baseImage(String flavour) {
        String folder = real(flavour) ? "stardust/real/" : "stardust/";
        MessageDigest sha = sha256();
        sha.update(files.get(folder + "base.sh"));
        sha.update(files.get(folder + "packages.txt"));
        return (real(flavour) ? "rehearse/stardust-real-base:" : "rehearse/stardust-base:") + start(sha.digest());
    }

    /**
     * The flavour's image on a base of id {@code baseId} ({@code sha256:...}), as build.sh names it: the start of
     * the hash of the base's id and {@code sha256sum}'s line of each of the flavour's files.
     */
    String image(String flavour, String baseId) {
        Predicate<String> ours = real(flavour)
                ? path -> path.equals("stardust/build.sh") || path.startsWith("stardust/rootfs/")
                        || path.startsWith("stardust/real/")
                : path -> !path.startsWith("stardust/real/");
        StringBuilder sums = new StringBuilder(baseId).append('\n');
        files.forEach((path, content) -> {
            if (ours.test(path)) {
                sums.append(HexFormat.of().formatHex(sha256().digest(content))).append("  ").append(path).append('\n');
            }
        });
        return "rehearse/" + flavour + ":" + start(sha256().digest(sums.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean real(String flavour) {
        return flavour.equals("stardust-real");
    }

    /** what {@code cut -c1-16} keeps of {@code sha256sum}'s hex */
    private static String start(byte[] digest) {
        return HexFormat.of().formatHex(digest).substring(0, 16);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("internal error: this Java has no SHA-256", e);
        }
    }
}
