package dev.rehearse.guide;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a guide's files may come from: its source root (the runbook's folder, or the guide's own folder when it is
 * read alone) and the extra folders a sidecar names ({@code include_roots}). An include that resolves outside all of
 * them is refused (docs/security.md).
 *
 * @param root  the source root: {@code /x} includes resolve against it, blocks name their files relative to it
 * @param extra further folders includes may read from
 */
public record SourceRoots(Path root, List<Path> extra) {

    public SourceRoots {
        root = root.toAbsolutePath().normalize();
        extra = extra.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Only the source root. */
    public static SourceRoots of(Path root) {
        return new SourceRoots(root, List.of());
    }

    /** The source root first, then the extra roots. */
    public List<Path> all() {
        List<Path> all = new ArrayList<>();
        all.add(root);
        all.addAll(extra);
        return all;
    }
}
