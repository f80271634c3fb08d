package dev.rehearse.read.markdown;

import dev.rehearse.guide.Tab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Where a walk through a Markdown guide stands among tabs, which each format marks its own way: MyST's
 * {@code {tab-set}} around {@code {tab-item} Label}, Docusaurus' {@code <Tabs>} around
 * {@code <TabItem value="..." label="...">} (tags between which the blocks stand, not around them in the tree), as
 * are Hugo's shortcodes ({@code {{< tabs >}}} around {@code {{% tab name="Linux" %}}}) and GitLab's markers
 * ({@code ::Tabs}, {@code :::TabTitle Label}, {@code ::EndTabs}), and MkDocs' content tabs ({@code === "Label"}), of
 * one set while they follow each other.
 */
final class TabSets {
    private static final Pattern HTML_TAB = Pattern.compile("<(/?)(Tabs|TabItem)\\b([^>]*)>");
    /** Hugo's (kubernetes.io's) {@code {{< tabs name="..." >}}} around {@code {{% tab name="macOS" %}}} */
    private static final Pattern HUGO_TAB = Pattern.compile("\\{\\{[<%]\\s*(/?)(tabs|tab)\\b([^}]*?)\\s*[%>]}}");
    /** GitLab's docs: {@code ::Tabs}, then {@code :::TabTitle Label} before each tab's content, {@code ::EndTabs} */
    private static final Pattern GITLAB_TAB = Pattern.compile("\\s*(::Tabs|::EndTabs|:::TabTitle)\\b(.*)");
    private static final Pattern TAB_LABEL = Pattern.compile("\\b(?:label|name)=[\"']([^\"']*)[\"']");
    private static final Pattern TAB_VALUE = Pattern.compile("\\bvalue=[\"']([^\"']*)[\"']");

    /** the lines of the open sets (MyST's, Docusaurus'), innermost first */
    private final Deque<Integer> open = new ArrayDeque<>();
    /** the Docusaurus, Hugo or GitLab tab open where the walk is, or null */
    private Tab htmlTab;
    /** the last MkDocs content tab: the text it stood in, the line its body ended on, and the tab */
    private Object lastText;
    private int lastEnd;
    private Tab last;

    void openSet(int line) {
        open.push(line);
    }

    void closeSet() {
        open.poll();
    }

    /** A MyST tab at {@code line}: of the set it stands in, or a set of its own outside one. */
    Tab tab(int line, String label) {
        return new Tab(open.isEmpty() ? line : open.peek(), label);
    }

    /**
     * An MkDocs content tab whose marker is at {@code markerLine} of {@code text} ({@code fileLine} in the file): of
     * the set of the tab before when only blank lines ({@code blank}) stand between them, unless it starts a new one.
     */
    Tab contentTab(Object text, int markerLine, int fileLine, IndentedBody body, IntPredicate blank) {
        boolean sameSet = !body.newSet() && lastText == text
                && IntStream.range(lastEnd + 1, markerLine).allMatch(blank);
        last = new Tab(sameSet ? last.set() : fileLine, body.label());
        lastText = text;
        lastEnd = body.lastLine();
        return last;
    }

    /** The Docusaurus tags of an HTML block whose first line is {@code firstLine}. */
    void html(String block, int firstLine) {
        tags(HTML_TAB, "Tabs", block.split("\n", -1), firstLine);
    }

    /** The tab markers of Hugo and GitLab in the lines of a paragraph whose first line is {@code firstLine}. */
    void paragraph(List<String> lines, int firstLine) {
        if (lines.stream().anyMatch(l -> l.contains("{{"))) {
            tags(HUGO_TAB, "tabs", lines.toArray(String[]::new), firstLine);
        }
        for (int i = 0; i < lines.size(); i++) {
            Matcher marker = GITLAB_TAB.matcher(lines.get(i));
            if (!marker.matches()) {
                continue;
            }
            switch (marker.group(1)) {
                case "::Tabs" -> {
                    openSet(firstLine + i);
                    htmlTab = null;
                }
                case "::EndTabs" -> {
                    closeSet();
                    htmlTab = null;
                }
                default -> htmlTab = open.isEmpty() ? null : new Tab(open.peek(), marker.group(2).strip());
            }
        }
    }

    /** The tags {@code pattern} finds (closing slash, name, attributes), of which {@code set} opens a set. */
    private void tags(Pattern pattern, String set, String[] lines, int firstLine) {
        for (int i = 0; i < lines.length; i++) {
            Matcher tag = pattern.matcher(lines[i]);
            while (tag.find()) {
                boolean closing = !tag.group(1).isEmpty();
                if (tag.group(2).equals(set)) {
                    if (closing) {
                        closeSet();
                    } else {
                        openSet(firstLine + i);
                    }
                    htmlTab = null;
                } else if (closing || open.isEmpty()) {
                    htmlTab = null;
                } else {
                    Matcher label = TAB_LABEL.matcher(tag.group(3));
                    Matcher value = TAB_VALUE.matcher(tag.group(3));
                    htmlTab = label.find() ? new Tab(open.peek(), label.group(1))
                            : value.find() ? new Tab(open.peek(), value.group(1)) : null;
                }
            }
        }
    }

    /** The context of a block read where a Docusaurus tab is open: that tab's too. */
    List<String> withHtmlTab(List<String> context) {
        if (htmlTab == null) {
            return context;
        }
        List<String> within = new ArrayList<>(context);
        within.add(htmlTab.context());
        return within;
    }
}
