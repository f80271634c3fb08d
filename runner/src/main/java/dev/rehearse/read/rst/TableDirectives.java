package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;
import dev.rehearse.read.rst.StateMachine.EndOfInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code table} (a titled grid or simple table) and {@code list-table} (a table written as a two-level list). */
final class TableDirectives {

    private TableDirectives() {
    }

    private static Map<String, Directive.Option> options(boolean list) {
        Map<String, Directive.Option> spec = OptionConverters.spec(
                "class", OptionConverters.CLASS,
                "name", OptionConverters.UNCHANGED,
                "align", OptionConverters.choice("left", "center", "right"),
                "width", OptionConverters.LENGTH_OR_PERCENTAGE_OR_UNITLESS,
                "widths", (Directive.Option) v -> {
                    if (v != null && v.equals("auto")) {
                        return v;
                    }
                    List<Integer> widths = new ArrayList<>();
                    for (String entry : v == null ? List.<String>of() : v.contains(",") ? List.of(v.split(","))
                            : Py.split(v)) {
                        widths.add((Integer) OptionConverters.POSITIVE_INT.convert(entry));
                    }
                    return widths;
                });
        if (list) {
            spec.put("header-rows", OptionConverters.NONNEGATIVE_INT);
            spec.put("stub-columns", OptionConverters.NONNEGATIVE_INT);
        }
        return spec;
    }

    /** The table's title (null when none) and the messages of its inline markup, which follow the table. */
    private record Title(Node node, List<Node> messages) {
    }

    private static Title title(Directive.Call call) {
        if (call.arguments().isEmpty()) {
            return new Title(null, List.of());
        }
        String text = call.arguments().get(0);
        Node title = new Node(NodeType.TITLE, text);
        title.appendAll(call.state().inlineText(text, call.lineno()));
        return new Title(title, call.state().inlineMessages());
    }

    /** docutils' {@code [table] + messages}, the title first in the table. */
    private static List<Node> titled(Node table, Title title) {
        if (title.node() != null) {
            table.insert(0, title.node());
        }
        List<Node> out = new ArrayList<>(List.of(table));
        out.addAll(title.messages());
        return out;
    }

    /** {@code table}: exactly one table in the content. */
    static final class Table extends Directive {
        private static final Spec SPEC = new Spec(0, 1, true, options(false), true);

        Table() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            if (call.content().isEmpty()) {
                throw new DirectiveError(Memo.WARNING, "directive", "Content block expected for the \""
                        + call.name() + "\" directive; none found.");
            }
            Title title = title(call);
            List<Node> content = call.parseContent();
            if (content.size() != 1 || !content.get(0).is(NodeType.TABLE)) {
                throw call.error("Error parsing content block for the \"" + call.name() + "\" directive: exactly "
                        + "one table expected.");
            }
            Node table = content.get(0);
            call.applyClasses(table);
            return titled(table, title);
        }
    }

    /** {@code list-table}: a bullet list of rows, each a bullet list of cells. */
    static final class ListTable extends Directive {
        private static final Spec SPEC = new Spec(0, 1, true, options(true), true);

        ListTable() {
            super(SPEC);
        }

        @Override
        List<Node> run(Call call) throws DirectiveError, EndOfInput {
            if (call.content().isEmpty()) {
                throw call.error("The \"" + call.name() + "\" directive is empty; content required.");
            }
            Title title = title(call);
            List<Node> content = call.parseContent();
            String prefix = "Error parsing content block for the \"" + call.name() + "\" directive: ";
            if (content.size() != 1 || !content.get(0).is(NodeType.BULLET_LIST)) {
                throw call.error(prefix + "exactly one bullet list expected.");
            }
            Node list = content.get(0);
            int columns = 0;
            for (int i = 0; i < list.children.size(); i++) {
                Node item = list.children.get(i);
                if (item.children.size() != 1 || !item.children.get(0).is(NodeType.BULLET_LIST)) {
                    throw call.error(prefix + "two-level bullet list expected, but row " + (i + 1)
                            + " does not contain a second-level bullet list.");
                }
                if (i == 0) {
                    columns = item.children.get(0).children.size();
                } else if (item.children.get(0).children.size() != columns) {
                    throw call.error(prefix + "uniform two-level bullet list expected, but row " + (i + 1)
                            + " does not contain the same number of items as row 1.");
                }
            }
            Object widths = call.options().get("widths");
            if (widths instanceof List<?> w && w.size() != columns) {
                throw call.error("\"" + call.name() + "\" widths do not match the number of columns in table ("
                        + columns + ").");
            }
            int headerRows = (Integer) call.options().getOrDefault("header-rows", 0);
            int stubColumns = (Integer) call.options().getOrDefault("stub-columns", 0);
            if (headerRows >= list.children.size() || stubColumns >= columns) {
                throw call.error("\"" + call.name() + "\" directive: insufficient data supplied for header rows or "
                        + "stub columns.");
            }
            return titled(build(list, columns, headerRows, call), title);
        }

        private static Node build(Node list, int columns, int headerRows, Call call) {
            Node table = new Node(NodeType.TABLE, "");
            Node group = new Node(NodeType.TGROUP, "");
            table.append(group);
            for (int i = 0; i < columns; i++) {
                group.append(new Node(NodeType.COLSPEC, ""));
            }
            List<Node> rows = new ArrayList<>();
            for (Node item : list.children) {
                Node row = new Node(NodeType.ROW, "");
                for (Node cell : item.children.get(0).children) {
                    Node entry = new Node(NodeType.ENTRY, "");
                    entry.appendAll(List.copyOf(cell.children));
                    row.append(entry);
                }
                rows.add(row);
            }
            if (headerRows > 0) {
                Node head = new Node(NodeType.THEAD, "");
                head.appendAll(rows.subList(0, headerRows));
                group.append(head);
            }
            Node body = new Node(NodeType.TBODY, "");
            body.appendAll(rows.subList(headerRows, rows.size()));
            group.append(body);
            call.applyClasses(table);
            return table;
        }
    }
}
