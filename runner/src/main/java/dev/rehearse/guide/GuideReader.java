package dev.rehearse.guide;

import java.nio.file.Path;

/** Reads one guide format into the guide model. Knows nothing of plans or targets. */
public interface GuideReader {

    /**
     * @param file  the guide
     * @param roots the source root (for includes of {@code /x} and for the relative paths of blocks) and the folders
     *              includes may read from
     * @throws BadInput when the file cannot be read as a guide, or an include reaches outside the roots
     */
    Guide read(Path file, SourceRoots roots);

    /** With the source root as the only folder includes may read from. */
    default Guide read(Path file, Path root) {
        return read(file, SourceRoots.of(root));
    }
}
