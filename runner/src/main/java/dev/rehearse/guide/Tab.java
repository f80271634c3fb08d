package dev.rehearse.guide;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A block's place in a set of tabs, the alternatives a documentation site shows side by side (MkDocs' content tabs,
 * MyST's tab sets, Docusaurus' {@code <Tabs>}): "Debian" and "Fedora", "pip" and "conda". A reader follows one tab
 * of a set. The readers keep it in the block's context as {@code tab <line>: <label>}, the line being where the set
 * starts in the block's file (in reStructuredText, where its first tab does).
 *
 * @param set   the line where the set of tabs starts
 * @param label the tab's label as shown
 */
public record Tab(int set, String label) {
    private static final Pattern CONTEXT = Pattern.compile("tab (\\d+): (.*)", Pattern.DOTALL);

    /** How the block's context names it. */
    public String context() {
        return "tab " + set + ": " + label;
    }

    /** The tabs the block stands in, outermost first. */
    public static List<Tab> of(Block block) {
        List<Tab> tabs = new ArrayList<>();
        for (String entry : block.context()) {
            Matcher m = CONTEXT.matcher(entry);
            if (m.matches()) {
                tabs.add(new Tab(Integer.parseInt(m.group(1)), m.group(2)));
            }
        }
        return tabs;
    }
}
