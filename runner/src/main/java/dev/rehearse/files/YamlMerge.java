package dev.rehearse.files;

import dev.rehearse.guide.BadInput;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.CollectionNode;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Deep-merges a YAML fragment (what a guide tells the reader to put into a config file) into an existing YAML text,
 * changing nothing else: every comment, blank line, key order, quoting style and indentation of the original stays.
 *
 * <p>Semantics: mappings merge key by key (recursively); anything else (a scalar, a sequence such as
 * {@code listeners}) is replaced by the fragment's value; keys the original lacks are added.
 *
 * <p>How: snakeyaml's own round trip (compose, then serialize with comments) re-indents sequences and moves
 * comments (162 of the 1343 lines of Synapse 1.0.0's generated {@code homeserver.yaml} change), so the text is
 * spliced instead, guided by the marks of the composed node trees: a replaced value's span of the original is
 * replaced by the fragment's text for it (re-indented to where it lands; full-line comments in the replaced span
 * are kept after it), and a new key's lines are inserted where a reader would look for it: after a commented-out
 * example of the same key ({@code #user_directory:} and its commented children) when the mapping has one,
 * otherwise after the mapping's last entry (and the comments indented under it).
 */
public final class YamlMerge {
    private static final Pattern COMMENTED_CHILD = Pattern.compile("- |[\\w\"'./-]+:(?:\\s|$)");

    private final TextLines original;
    private final TextLines fragment;
    private final String originalName;
    private final String fragmentName;
    private final List<Edit> edits = new ArrayList<>();

    private YamlMerge(String original, String originalName, String fragment, String fragmentName) {
        this.original = new TextLines(original);
        this.fragment = new TextLines(fragment);
        this.originalName = originalName;
        this.fragmentName = fragmentName;
    }

    /** {@link #merge(String, String, String, String)} with generic names in messages. */
    public static String merge(String original, String fragment) {
        return merge(original, "the file", fragment, "the fragment");
    }

    /**
     * @param originalName how messages name the original (its path)
     * @param fragmentName how messages name the fragment (its guide's file and line)
     * @throws BadInput when either text is not YAML, or the fragment is not a mapping, or the original's top
     *                  level is not a mapping
     */
    public static String merge(String original, String originalName, String fragment, String fragmentName) {
        return new YamlMerge(original, originalName, fragment, fragmentName).merge();
    }

    private String merge() {
        Node fragmentRoot = compose(fragment, fragmentName);
        if (!(fragmentRoot instanceof MappingNode fragmentMap) || isFlow(fragmentRoot)) {
            throw new BadInput(fragmentName, line(fragmentRoot), "a fragment to merge must be a block mapping of keys");
        }
        Node originalRoot = compose(original, originalName);
        if (originalRoot == null) {
            return appendWhole();
        }
        if (!(originalRoot instanceof MappingNode originalMap) || isFlow(originalRoot)) {
            throw new BadInput(originalName, line(originalRoot), "cannot merge keys into a YAML file whose top level is not a block mapping");
        }
        mergeMapping(originalMap, fragmentMap);
        String merged = apply();
        compose(new TextLines(merged), originalName + " (merged)");
        return merged;
    }

    private static Node compose(TextLines text, String name) {
        return YamlText.compose(text.text(), name);
    }

    private static int line(Node node) {
        return node == null ? 0 : node.getStartMark().getLine() + 1;
    }

    private static boolean isFlow(Node node) {
        return node instanceof CollectionNode<?> collection && collection.getFlowStyle() == FlowStyle.FLOW;
    }

    private void mergeMapping(MappingNode into, MappingNode from) {
        for (NodeTuple entry : from.getValue()) {
            String key = keyOf(entry, fragmentName);
            NodeTuple existing = null;
            for (NodeTuple candidate : into.getValue()) {
                if (key.equals(keyOf(candidate, originalName))) {
                    existing = candidate;
                }
            }
            if (existing == null) {
                insert(into, entry, key);
            } else if (existing.getValueNode() instanceof MappingNode nested && !isFlow(nested)
                    && !nested.getValue().isEmpty()
                    && entry.getValueNode() instanceof MappingNode incoming && !isFlow(incoming)) {
                requireOwnValue(existing, key);
                mergeMapping(nested, incoming);
            } else {
                replace(existing, entry);
            }
        }
    }

    /**
     * A mapping reached through an alias ({@code use: *base}) is the anchor's own text: merging into it would change
     * the anchor and every other alias of it, not only the key the guide names.
     */
    private void requireOwnValue(NodeTuple entry, String key) {
        Node value = entry.getValueNode();
        if (original.offset(value.getStartMark()) < original.offset(entry.getKeyNode().getEndMark())) {
            throw new BadInput(originalName, line(entry.getKeyNode()), "cannot edit '" + key + "': its value is an alias"
                    + " of the anchor " + (value.getAnchor() != null ? "&" + value.getAnchor() + " " : "") + "at line "
                    + line(value) + ", which the edit would change too (write the keys out under '" + key + "' first)");
        }
    }

    private static String keyOf(NodeTuple entry, String name) {
        if (entry.getKeyNode() instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw new BadInput(name, line(entry.getKeyNode()), "only plain keys can be merged");
    }

    /** A value's span in its text: where it starts and where its content ends (trailing comments excluded). */
    private record Span(int start, int end) {
    }

    private static Span valueSpan(TextLines text, NodeTuple entry, String name) {
        int keyEnd = text.offset(entry.getKeyNode().getEndMark());
        Node value = entry.getValueNode();
        if (isEmptyScalar(value)) {
            int colon = text.text().indexOf(':', keyEnd);
            return new Span(colon + 1, colon + 1);
        }
        int start = text.offset(value.getStartMark());
        if (start < keyEnd) {
            throw new BadInput(name, line(entry.getKeyNode()), "cannot merge into a key whose value is an alias");
        }
        return new Span(start, contentEnd(text, value, start));
    }

    /** Where a node's content ends: a block collection's node ends where the next token starts, after comments. */
    private static int contentEnd(TextLines text, Node node, int floor) {
        if (node instanceof MappingNode map && !isFlow(map) && !map.getValue().isEmpty()) {
            NodeTuple last = map.getValue().get(map.getValue().size() - 1);
            return valueSpanEnd(text, last);
        }
        if (node instanceof SequenceNode seq && !isFlow(seq) && !seq.getValue().isEmpty()) {
            Node last = seq.getValue().get(seq.getValue().size() - 1);
            return contentEnd(text, last, text.offset(last.getStartMark()));
        }
        return text.trimBack(text.offset(node.getEndMark()), floor);
    }

    private static int valueSpanEnd(TextLines text, NodeTuple entry) {
        if (isEmptyScalar(entry.getValueNode())) {
            return text.text().indexOf(':', text.offset(entry.getKeyNode().getEndMark())) + 1;
        }
        Node value = entry.getValueNode();
        return contentEnd(text, value, text.offset(value.getStartMark()));
    }

    private static boolean isEmptyScalar(Node node) {
        return node instanceof ScalarNode s && s.getValue().isEmpty()
                && s.getScalarStyle() == ScalarStyle.PLAIN;
    }

    /** Replaces an existing key's value with the fragment's, keeping the key itself and the comments around it. */
    private void replace(NodeTuple existing, NodeTuple incoming) {
        Span old = valueSpan(original, existing, originalName);
        Span now = valueSpan(fragment, incoming, fragmentName);
        int oldKeyEnd = original.offset(existing.getKeyNode().getEndMark());
        int newKeyEnd = fragment.offset(incoming.getKeyNode().getEndMark());
        boolean oldOnNextLines = original.lineOf(old.start()) > original.lineOf(oldKeyEnd) && old.start() < old.end();
        boolean newOnNextLines = fragment.lineOf(now.start()) > fragment.lineOf(newKeyEnd) && now.start() < now.end();
        int from;
        String text;
        if (oldOnNextLines && newOnNextLines) {
            // both are blocks under their key: swap the blocks, the key line and comments above the block stay
            from = old.start();
            text = reindent(fragment.text().substring(now.start(), now.end()),
                    original.column(old.start()) - fragment.column(now.start()));
        } else {
            // a value on the key's line on either side: swap everything after the key, from its colon on
            from = oldKeyEnd;
            text = reindent(fragment.text().substring(newKeyEnd, now.end()),
                    original.column(original.offset(existing.getKeyNode().getStartMark()))
                            - fragment.column(fragment.offset(incoming.getKeyNode().getStartMark())));
        }
        edits.add(new Edit(from, old.end(), text + commentsWithin(from, old.end()), edits.size()));
    }

    /** The full-line comments inside a span of the original that is replaced, each on its own line, to keep them. */
    private String commentsWithin(int from, int to) {
        StringBuilder kept = new StringBuilder();
        for (int line = original.lineOf(from) + 1; line <= original.lineOf(to); line++) {
            if (original.isComment(line) && original.lineEnd(line) <= to) {
                kept.append(original.newline()).append(original.line(line));
            }
        }
        return kept.toString();
    }

    /** Adds a key the original lacks, with the comment lines just above it in the fragment. */
    private void insert(MappingNode into, NodeTuple entry, String key) {
        int keyStart = fragment.offset(entry.getKeyNode().getStartMark());
        int first = fragment.lineOf(keyStart);
        while (first > 0 && fragment.isComment(first - 1)) {
            first--;
        }
        int last = fragment.lineOf(valueSpanEnd(fragment, entry));
        int column = original.column(original.offset(into.getValue().get(0).getKeyNode().getStartMark()));
        int shift = column - fragment.column(keyStart);
        StringBuilder lines = new StringBuilder();
        for (int line = first; line <= last; line++) {
            lines.append(shiftLine(fragment.line(line), shift)).append(original.newline());
        }
        int after = insertionLine(into, key, column);
        int at = original.afterLine(after);
        String text = lines.toString();
        if (at == original.text().length() && !original.text().isEmpty() && !original.text().endsWith("\n")) {
            text = original.newline() + text.substring(0, text.length() - original.newline().length());
        }
        edits.add(new Edit(at, at, text, edits.size()));
    }

    /** The line after which a new key of {@code into} goes. */
    private int insertionLine(MappingNode into, String key, int column) {
        int contentEndLine = original.lineOf(contentEnd(original, into, 0));
        int regionEnd = contentEndLine;
        while (regionEnd + 1 < original.lineCount() && (original.isBlank(regionEnd + 1)
                || original.isComment(regionEnd + 1) || original.indentation(regionEnd + 1) > column)) {
            regionEnd++;
        }
        int example = commentedExample(into, key, column, regionEnd);
        if (example >= 0) {
            return example;
        }
        // after the last entry and the comments indented under it (a key whose options are all commented out)
        int line = contentEndLine;
        for (int next = contentEndLine + 1; next <= regionEnd; next++) {
            if (original.isBlank(next)) {
                continue;
            }
            if (original.indentation(next) <= column) {
                break;
            }
            line = next;
        }
        return line;
    }

    /** The last line of a commented-out example of {@code key} in the mapping, or -1 when there is none. */
    private int commentedExample(MappingNode into, String key, int column, int regionEnd) {
        Pattern example = Pattern.compile("#\\s?" + Pattern.quote(key) + ":(?:\\s|$).*");
        int firstLine = original.lineOf(original.offset(into.getStartMark()));
        for (int line = firstLine; line <= regionEnd; line++) {
            String shown = original.line(line).strip();
            if (original.indentation(line) != column || !example.matcher(shown).matches()) {
                continue;
            }
            int keyColumn = commentedColumn(shown);
            int end = line;
            while (end + 1 <= regionEnd && original.indentation(end + 1) == column
                    && isCommentedChild(original.line(end + 1).strip(), keyColumn)) {
                end++;
            }
            if (endsAnEntry(end, column)) {
                return end;
            }
        }
        return -1;
    }

    /** Where the text of a comment starts after its {@code #}. */
    private static int commentedColumn(String comment) {
        int column = 1;
        while (column < comment.length() && comment.charAt(column) == ' ') {
            column++;
        }
        return column;
    }

    /** A commented-out line of YAML nested under a commented-out key ({@code #  enabled: true}), not prose. */
    private static boolean isCommentedChild(String comment, int keyColumn) {
        return comment.startsWith("#") && commentedColumn(comment) >= keyColumn + 2
                && COMMENTED_CHILD.matcher(comment.substring(commentedColumn(comment))).lookingAt();
    }

    /** Whether a key at {@code column} may go after {@code line}: the next content line is no deeper than it. */
    private boolean endsAnEntry(int line, int column) {
        for (int next = line + 1; next < original.lineCount(); next++) {
            if (!original.isBlank(next) && !original.isComment(next)) {
                return original.indentation(next) <= column;
            }
        }
        return true;
    }

    private String appendWhole() {
        String text = original.text();
        String separator = text.isEmpty() || text.endsWith("\n") ? "" : original.newline();
        String body = fragment.text().replace("\r\n", "\n").replace("\n", original.newline());
        return text + separator + body + (body.endsWith(original.newline()) ? "" : original.newline());
    }

    /** Every line but the first of {@code text} moved right (or left) by {@code shift} columns. */
    private String reindent(String text, int shift) {
        String[] lines = text.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            out.append(original.newline()).append(shiftLine(lines[i], shift));
        }
        return out.toString();
    }

    private static String shiftLine(String line, int shift) {
        if (line.isBlank()) {
            return "";
        }
        if (shift >= 0) {
            return " ".repeat(shift) + line;
        }
        int drop = 0;
        while (drop < -shift && drop < line.length() && line.charAt(drop) == ' ') {
            drop++;
        }
        return line.substring(drop);
    }

    /** Replace [from, to) of the original with {@code text}; {@code order} keeps insertions at one place in order. */
    private record Edit(int from, int to, String text, int order) {
    }

    private String apply() {
        List<Edit> ordered = edits.stream()
                .sorted(Comparator.comparingInt(Edit::from).thenComparingInt(Edit::order).reversed()).toList();
        StringBuilder out = new StringBuilder(original.text());
        int limit = original.text().length();
        for (Edit edit : ordered) {
            if (edit.to() > limit) {
                throw new BadInput(originalName, original.lineOf(edit.from()) + 1,
                        "cannot merge: a key to add falls inside a value the fragment replaces");
            }
            out.replace(edit.from(), edit.to(), edit.text());
            limit = edit.from();
        }
        return out.toString();
    }
}
