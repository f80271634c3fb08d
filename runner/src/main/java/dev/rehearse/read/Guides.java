package dev.rehearse.read;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Guide;
import dev.rehearse.guide.GuideReader;
import dev.rehearse.model.Faults;
import dev.rehearse.read.common.SourceText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one entry to reading a guide: a guide file, or a runbook folder holding one. The reader is chosen by the
 * file's extension ({@link GuideFormat}), or
 * for a {@code .txt} file by its markup ({@link TextGuides}); the source root is the guide's folder.
 */
public final class Guides {

    private Guides() {
    }

    /**
     * Read a guide file, or the guide of a runbook folder (the one guide file whose name starts with
     * {@code guide_}, or the folder's only guide file).
     *
     * @throws BadInput when there is no such file or folder, no single guide in the folder, an unknown format, or
     *                  the file cannot be read as a guide
     */
    public static Guide read(Path fileOrRunbookFolder) {
        if (GuideFormat.of(fileOrRunbookFolder) == null) {
            return readFile(guideFile(fileOrRunbookFolder));
        }
        // the common case, a guide file: read it first, and only when that fails ask the file system what the path is
        try {
            return readFile(fileOrRunbookFolder);
        } catch (BadInput e) {
            Path file = guideFile(fileOrRunbookFolder); // no such file or folder, or a folder's guide
            if (file.equals(fileOrRunbookFolder)) {
                throw e; // a file, with its own error
            }
            return readFile(file);
        }
    }

    private static Guide readFile(Path file) {
        return BY_FORMAT.read(file, file.toAbsolutePath().normalize().getParent());
    }

    /** Asked once: the JVM reads the container's CPU limits from files on every call. */
    private static final int PROCESSORS = Runtime.getRuntime().availableProcessors();

    /**
     * Reads a guide file with the reader its extension names (a {@code .txt} file's, its text: {@link TextGuides}),
     * against the given source root.
     */
    public static final GuideReader BY_FORMAT = (file, root) -> {
        GuideFormat format = GuideFormat.of(file);
        if (format == null && TextGuides.isText(file)) {
            format = TextGuides.formatOf(file);
        }
        if (format == null) {
            throw new BadInput(SourceText.display(file), 0, "not a guide format Rehearse reads (extensions: "
                    + GuideFormat.allExtensions() + ", and .txt holding one of them)");
        }
        return format.reader().read(file, root);
    };

    /**
     * Read several guides, in the order given, on as many threads as there are processors (each guide is read on
     * its own). All or nothing: the first guide, in that order, that is bad input throws its {@link BadInput}.
     */
    public static List<Guide> readAll(List<Path> paths) {
        return readAll(paths, guide -> guide);
    }

    /**
     * As {@link #readAll(List)}, each guide then turned into what the caller needs on the thread that read it (so
     * that this work runs in parallel too); the results in the order given.
     */
    public static <T> List<T> readAll(List<Path> paths, Function<Guide, T> then) {
        int threads = Math.min(PROCESSORS, paths.size());
        if (threads <= 1) {
            return paths.stream().map(p -> then.apply(read(p))).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            // the main thread's usual 8 MB stack: nested constructs recurse
            Thread t = new Thread(null, r, "rehearse-read", 8L << 20);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> pending = new ArrayList<>();
            for (Path p : paths) {
                pending.add(pool.submit(() -> then.apply(read(p))));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : pending) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading guides", e);
        } catch (ExecutionException e) {
            throw Faults.thrownBy(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** a web address, as a path keeps it ({@code https:/lab.uberspace.de/...}) */
    private static final Pattern URL = Pattern.compile("((?:https?|ftp|file):)/+");

    /** What a guide's or runbook's path that names nothing is told: a web address is told so. */
    public static BadInput notThere(Path path) {
        if (URL.matcher(path.toString()).lookingAt()) {
            // a path keeps one slash of the two; the message shows the address as it was typed
            return new BadInput(URL.matcher(path.toString()).replaceFirst("$1//"), 0, "an address on the web: "
                    + "Rehearse reads guides from files, and nothing over the network; save the guide's source (its "
                    + ".rst, .md or .adoc) and name that file");
        }
        return new BadInput(SourceText.display(path), 0, "no such file or folder");
    }

    /** The guide file a path names: itself, or the guide in a runbook folder. */
    public static Path guideFile(Path fileOrRunbookFolder) {
        BasicFileAttributes attributes;
        try {
            // one stat call tells both whether the path exists and whether it is a folder
            attributes = Files.readAttributes(fileOrRunbookFolder, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            throw notThere(fileOrRunbookFolder);
        }
        if (!attributes.isDirectory()) {
            return fileOrRunbookFolder;
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(fileOrRunbookFolder)) {
            // a .txt file counts where its name says it is the guide: a folder holds other text files too
            candidates = files.filter(Files::isRegularFile).filter(f -> GuideFormat.of(f) != null
                    || TextGuides.isText(f) && f.getFileName().toString().startsWith("guide_")).sorted().toList();
        } catch (IOException e) {
            throw new BadInput(SourceText.display(fileOrRunbookFolder), 0, "folder cannot be listed");
        }
        List<Path> named = candidates.stream().filter(f -> f.getFileName().toString().startsWith("guide_")).toList();
        List<Path> pick = named.isEmpty() ? candidates : named;
        if (pick.size() == 1) {
            return pick.get(0);
        }
        String shown = SourceText.display(fileOrRunbookFolder);
        if (pick.isEmpty()) {
            throw new BadInput(shown, 0, "is a folder without a guide (no guide_*."
                    + String.join("|", GuideFormat.allExtensions()) + " file in it)");
        }
        throw new BadInput(shown, 0, "holds several guides, name one: " + pick.stream()
                .map(p -> p.getFileName().toString()).toList());
    }
}
