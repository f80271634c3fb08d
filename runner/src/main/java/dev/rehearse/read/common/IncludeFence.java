package dev.rehearse.read.common;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.SourceRoots;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps includes inside the runbook: a guide is someone else's text, and an include it could point anywhere would copy
 * a file of the machine running Rehearse into the plan, onto the target and into every report. An include must lie
 * under one of the {@link SourceRoots} both as written ({@code ../..} counts) and once links are followed (a symlink
 * inside the folder pointing out counts too). Every reader asks here before it reads an included file.
 */
public final class IncludeFence {

    /** Real paths of the roots: a run reads many guides below the same few folders. */
    private static final Map<Path, Path> REAL_ROOTS = new ConcurrentHashMap<>();

    private IncludeFence() {
    }

    /**
     * @param resolved  the include's path, resolved as the format resolves it
     * @param target    the include's path as the guide writes it
     * @param including the file holding the include
     * @param line      the include's line in that file
     * @return {@code resolved}, absolute and normalized
     * @throws BadInput naming the include line when the path leaves the roots
     */
    public static Path check(Path resolved, SourceRoots roots, String target, Path including, int line) {
        Path path = resolved.toAbsolutePath().normalize();
        List<Path> allowed = roots.all();
        boolean inside = allowed.stream().anyMatch(path::startsWith);
        if (inside) {
            Path real;
            try {
                real = path.toRealPath();
            } catch (IOException | SecurityException e) {
                return path; // nothing there to read: the reader reports the missing include
            }
            inside = allowed.stream().map(IncludeFence::real).anyMatch(real::startsWith);
        }
        if (!inside) {
            throw new BadInput(SourceText.display(including), line, "include \"" + target
                    + "\" reaches outside the runbook's folder " + SourceText.display(roots.root())
                    + (roots.extra().isEmpty() ? "" : " and its include_roots")
                    + ": a guide reads only files below it (a sidecar can name more folders in include_roots)");
        }
        return path;
    }

    private static Path real(Path root) {
        return REAL_ROOTS.computeIfAbsent(root, r -> {
            try {
                return r.toRealPath();
            } catch (IOException | SecurityException e) {
                return r;
            }
        });
    }
}
