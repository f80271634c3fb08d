package dev.rehearse.read.markdown;

import dev.rehearse.guide.Tab;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Where a walk through a Markdown guide stands among tabs, which each format marks its own way: MyST's
 * {@code {tab-set}} around {@code {tab-item} Label}, Docusaurus' {@code <Tabs>} around
 * {@code <TabItem value="..." label="...">} (Nextra's {@code <Tabs items={['macOS', 'Linux']}>} around
 * {@code <Tabs.Tab>}, labelled in that order: tags between which the blocks stand, not around them in the tree), as
 * are Hugo's shortcodes ({@code {{< tabs >}}} around {@code {{% tab name="Linux" %}}}), GitBook's
 * ({@code {% tabs %}} around {@code {% tab title="Linux" %}}), GitLab's markers ({@code ::Tabs},
 * {@code :::TabTitle Label}, {@code ::EndTabs}), MyST's colon fences ({@code ::::{tab-set}} around
 * {@code :::{tab-item} Linux}) and VitePress' {@code ::: code-group}, whose blocks are its tabs, each labelled in
 * its info string ({@code sh [Linux]}); and MkDocs' content tabs ({@code === "Label"}), of one set while they
 * follow each other.
 */
final class TabSets {
    /** Docusaurus' and Starlight's {@code <Tabs>}, {@code <TabItem label="...">}; Nextra's {@code <Tabs.Tab>} */
    private static final Pattern HTML_TAB = Pattern.compile("<(/?)(Tabs\\.Tab|Tabs|TabItem|Tab)(?![\\w.])([^>]*)>");
    /** Nextra's labels, given to its set: {@code <Tabs items={['macOS', 'Linux']}>}, one a tab in their order */
    private static final Pattern ITEMS = Pattern.compile("\\bitems=\\{\\s*\\[([^\\]]*)]");
    /** Hugo's (kubernetes.io's) {@code {{< tabs name="..." >}}} around {@code {{% tab name="macOS" %}}} */
    private static final Pattern HUGO_TAB = Pattern.compile("\\{\\{[<%]\\s*(/?)(tabs|tab)\\b([^}]*?)\\s*[%>]}}");
    /** GitLab's docs: {@code ::Tabs}, then {@code :::TabTitle Label} before each tab's content, {@code ::EndTabs} */
    private static final Pattern GITLAB_TAB = Pattern.compile("\\s*(::Tabs|::EndTabs|:::TabTitle)\\b(.*)");
    /** GitBook's {@code {% tabs %}}, {@code {% tab title="macOS" %}}, {@code {% endtab %}}, {@code {% endtabs %}} */
    private static final Pattern GITBOOK_TAB = Pattern.compile("\\{%\\s*((?:end)?)(tabs|tab)\\b([^%]*)%}");
    /**
     * A colon fence's line (MyST's and VitePress' containers): its colons, then the directive ({@code {tab-item}},
     * {@code code-group}, {@code tip}) and its argument; colons alone close the innermost one
     */
    private static final Pattern COLON_FENCE = Pattern.compile("\\s*(:{3,})\\s*(?:\\{([\\w-]+)}|([\\w-]+))?\\s*(.*)");
    /** a block's tab in a VitePress code group: {@code sh [Linux]} */
    private static final Pattern FENCE_LABEL = Pattern.compile("\\[([^\\]]+)]");
    private static final Pattern TAB_LABEL = Pattern.compile("\\b(?:label|name|title)=[\"']([^\"']*)[\"']");
    private static final Pattern TAB_VALUE = Pattern.compile("\\bvalue=[\"']([^\"']*)[\"']");

    /** the lines of the open sets (MyST's, Docusaurus'), innermost first */
    private final Deque<Integer> open = new ArrayDeque<>();
    /** the labels of the sets opened by tags still to be given to their tabs, innermost set first */
    private final Deque<Deque<String>> items = new ArrayDeque<>();
    /** the colon fences open where the walk is, innermost first */
    private final Deque<ColonFence> colons = new ArrayDeque<>();

    /** A colon fence: its colons, and what it opened (a set of tabs, a tab, a code group, anything else). */
    private record ColonFence(int colons, String kind) {
    }
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

    /**
     * The tab markers of Hugo, GitBook, GitLab, MyST's colon fences, VitePress and Nextra in the lines of a paragraph
     * whose first line is {@code firstLine}.
     */
    void paragraph(List<String> lines, int firstLine) {
        if (lines.stream().anyMatch(l -> l.contains("{{"))) {
            tags(HUGO_TAB, "tabs", lines.toArray(String[]::new), firstLine);
        }
        if (lines.stream().anyMatch(l -> l.contains("{%"))) {
            tags(GITBOOK_TAB, "tabs", lines.toArray(String[]::new), firstLine);
        }
        // JSX that is no HTML block to CommonMark (Nextra's <Tabs items={[...]}>): a line that starts with the tag
        String[] jsx = lines.stream().map(l -> l.strip().startsWith("<Tab") || l.strip().startsWith("</Tab") ? l : "")
                .toArray(String[]::new);
        if (Arrays.stream(jsx).anyMatch(l -> !l.isEmpty())) {
            tags(HTML_TAB, "Tabs", jsx, firstLine);
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().startsWith(":::")) {
                colonFence(lines.get(i), firstLine + i);
            }
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

    private void colonFence(String line, int at) {
        Matcher fence = COLON_FENCE.matcher(line);
        if (!fence.matches() || line.strip().startsWith("::Tabs") || line.strip().startsWith(":::TabTitle")) {
            return; // GitLab's markers are read below
        }
        int count = fence.group(1).length();
        String name = fence.group(2) != null ? fence.group(2) : fence.group(3);
        if (name == null && fence.group(4).isEmpty()) {
            ColonFence closed = colons.poll();
            if (closed != null && (closed.kind().equals("set") || closed.kind().equals("code-group"))) {
                closeSet();
                htmlTab = null;
            } else if (closed != null && closed.kind().equals("tab")) {
                htmlTab = null;
            }
            return;
        }
        String kind = name == null ? "other" : switch (name) {
            case "tab-set", "tabs" -> "set";
            case "tab-item", "tab" -> "tab";
            case "code-group" -> "code-group";
            default -> "other";
        };
        colons.push(new ColonFence(count, kind));
        if (kind.equals("set") || kind.equals("code-group")) {
            openSet(at);
            htmlTab = null;
        } else if (kind.equals("tab")) {
            htmlTab = open.isEmpty() ? null : new Tab(open.peek(), fence.group(4).strip());
        }
    }

    /**
     * The context of a fenced block whose info string is {@code info}: in a VitePress code group, the tab its label
     * names ({@code sh [Linux]}); elsewhere as {@link #withHtmlTab}.
     */
    List<String> withFenceTab(List<String> context, String info) {
        ColonFence innermost = colons.peek();
        Matcher label = FENCE_LABEL.matcher(info);
        if (innermost == null || !innermost.kind().equals("code-group") || !label.find()) {
            return withHtmlTab(context);
        }
        List<String> within = new ArrayList<>(context);
        within.add(new Tab(open.peek(), label.group(1).strip()).context());
        return within;
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
                        items.poll();
                    } else {
                        openSet(firstLine + i);
                        items.push(itemsOf(tag.group(3)));
                    }
                    htmlTab = null;
                } else if (closing || open.isEmpty()) {
                    htmlTab = null;
                } else {
                    Matcher label = TAB_LABEL.matcher(tag.group(3));
                    Matcher value = TAB_VALUE.matcher(tag.group(3));
                    String named = label.find() ? label.group(1) : value.find() ? value.group(1)
                            : items.isEmpty() ? null : items.peek().poll();
                    htmlTab = named == null ? null : new Tab(open.peek(), named);
                }
            }
        }
    }

    /** A set's labels as its {@code items} attribute lists them; none where it has none. */
    private static Deque<String> itemsOf(String attributes) {
        Deque<String> labels = new ArrayDeque<>();
        Matcher list = ITEMS.matcher(attributes);
        if (list.find()) {
            for (String item : list.group(1).split(",")) {
                String label = item.strip().replaceAll("^[\"'`]|[\"'`]$", "");
                if (!label.isEmpty()) {
                    labels.add(label);
                }
            }
        }
        return labels;
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
