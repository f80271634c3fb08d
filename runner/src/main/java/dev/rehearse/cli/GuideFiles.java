package dev.rehearse.cli;

import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.GuideReader;

/**
 * How the commands read a guide file. The reader façade ({@code dev.rehearse.read.Guides}) comes from another
 * branch; until it is merged this says so as bad input instead of guessing at reStructuredText here.
 */
final class GuideFiles {

    static final GuideReader READER = (file, root) -> {
        throw new BadInput(file.toString(), 0, "no guide reader in this build yet (dev.rehearse.read.Guides is not merged)");
    };

    private GuideFiles() {
    }
}
