package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the steps a guide puts under a title for another system than the target's Linux: a section ("Installing on
 * macOS", "### Windows") or an admonition ({@code .. admonition:: On macOS}, MkDocs' {@code !!! note "On macOS"},
 * MyST's {@code ```{admonition} macOS users}). The innermost title that names a system decides, so a "### macOS"
 * under "## Installing on Linux" is skipped and a "### Using WSL" under "## Windows" runs; prose right before the
 * block that names Linux runs it whatever the section. The guide's own title is no such title: it speaks of the
 * whole guide ("Written on Windows", "Porting from macOS"); a guide wholly for another system runs as it stands.
 * BSD is no other system here: its guides show the same shell.
 */
final class OtherSystemSections {
    /** Windows and the Mac; a bare "mac" only capitalised, as a heading's "MAC address" is no Mac */
    private static final Pattern OTHER_SYSTEM = Pattern.compile("\\b(?:(?i:windows|mac ?os(?: ?x)?|os ?x)|Mac)\\b");
    /** the class docutils derives from a generic admonition's title: {@code admonition(admonition-on-macos)} */
    private static final Pattern RST_ADMONITION = Pattern.compile("admonition\\(admonition-([\\w-]+)\\)");
    /** a Markdown admonition's or directive's title as the reader keeps it ({@code note: On macOS}), not a tab's */
    private static final Pattern TITLED = Pattern.compile("(?!tab \\d+: )[\\w-]+: (.+)", Pattern.DOTALL);

    private OtherSystemSections() {
    }

    /** Why the block's section or admonition puts it on another system, or empty. */
    static Optional<String> of(Block block, String guideTitle) {
        if (block.precedingText() != null && OtherMachine.namesThisSystem(block.precedingText())) {
            return Optional.empty();
        }
        List<String> titles = SectionTitles.belowTheGuides(titles(block), guideTitle);
        for (int i = titles.size() - 1; i >= 0; i--) {
            String title = titles.get(i);
            if (OtherMachine.namesThisSystem(title)) {
                return Optional.empty();
            }
            Matcher other = OTHER_SYSTEM.matcher(title);
            if (other.find()) {
                return Optional.of(OtherMachine.WHY + "it stands under \"" + title.strip() + "\"");
            }
        }
        return Optional.empty();
    }

    /** The sections' titles, outermost first, then the titles of the admonitions the block stands in. */
    private static List<String> titles(Block block) {
        List<String> titles = new ArrayList<>(block.section());
        for (String entry : block.context()) {
            Matcher rst = RST_ADMONITION.matcher(entry);
            Matcher titled = TITLED.matcher(entry);
            if (rst.matches()) {
                titles.add(rst.group(1).replace('-', ' '));
            } else if (titled.matches()) {
                titles.add(titled.group(1));
            }
        }
        return titles;
    }
}
