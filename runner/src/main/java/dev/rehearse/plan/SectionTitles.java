package dev.rehearse.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * The titles a block stands under that may say something of it alone: the guide's own title, the outermost, speaks
 * of the whole guide ("Written on Windows", "Uninstalling the old bot, and installing the new").
 */
final class SectionTitles {
    private SectionTitles() {
    }

    /** {@code titles} (outermost first), without the first where it is the guide's title; a list of its own */
    static List<String> belowTheGuides(List<String> titles, String guideTitle) {
        List<String> below = new ArrayList<>(titles);
        if (!below.isEmpty() && below.get(0).equals(guideTitle)) {
            below.remove(0);
        }
        return below;
    }
}
