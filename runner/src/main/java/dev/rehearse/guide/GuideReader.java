package dev.rehearse.guide;

import java.nio.file.Path;

/** Reads one guide format into the guide model. Knows nothing of plans or targets. */
public interface GuideReader {

    /**
     * @param file the guide
     * @param root the source root for includes of {@code /x} and for the relative paths of blocks
     * @throws BadInput when the file cannot be read as a guide
     */
    Guide read(Path file, Path root);
}
