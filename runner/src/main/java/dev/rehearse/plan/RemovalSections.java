package dev.rehearse.plan;

import dev.rehearse.guide.Block;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Tells the steps a guide puts under a title that is no part of the way through it: its removal ("Uninstallation",
 * "## Uninstalling the bot", "Removal") after the steps that installed, where a reader comes only to undo the
 * install (run in order, it would remove what the run just made, on an admin's own host too), and troubleshooting,
 * fixes for problems a reader may not have ("If the service does not start, delete its cache"; under "Debugging":
 * "restart it after a change of its configuration"). A removal before any step is the install's first step
 * ("## Uninstall old versions" before installing Docker), and runs. The innermost such title decides; the guide's own
 * title is none. A sidecar rule with {@code skip: false} runs them.
 */
final class RemovalSections {
    private static final Pattern REMOVAL = Pattern.compile("(?i)\\b(?:un-?install\\w*|de-?install\\w*|removal)\\b");
    /**
     * a title of fixes: "Troubleshooting", "Debugging" (not "Debug", which may set up a debugger as a step), "Common
     * issues", "Known problems", "Problems after updating to 1.27", "FAQ"
     */
    private static final Pattern TROUBLESHOOTING = Pattern.compile("(?i)\\btroubleshoot\\w*\\b|\\bdebugging\\b"
            + "|\\b(?:common|known) (?:issues|problems)\\b|^problems?\\b|\\bfaq\\b");

    private RemovalSections() {
    }

    /**
     * Why the block's section is no part of the way through the guide, or empty.
     *
     * @param stepsBefore whether the guide has steps before this block
     */
    static Optional<String> of(Block block, String guideTitle, boolean stepsBefore) {
        List<String> titles = SectionTitles.belowTheGuides(block.section(), guideTitle);
        for (int i = titles.size() - 1; i >= 0; i--) {
            String title = titles.get(i).strip();
            if (stepsBefore && REMOVAL.matcher(title).find()) {
                return Optional.of("it stands under \"" + title + "\", which undoes what the steps before it made: a "
                        + "reader comes to it to remove the install");
            }
            if (TROUBLESHOOTING.matcher(title).find()) {
                return Optional.of("it stands under \"" + title + "\": a fix for a problem a reader may not have");
            }
        }
        return Optional.empty();
    }
}
