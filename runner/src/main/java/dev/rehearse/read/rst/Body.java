package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;
import dev.rehearse.read.rst.StateMachine.EndOfInput;
import dev.rehearse.read.rst.StateMachine.TransitionCorrection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The generic state for body elements (docutils' {@code Body}): blank lines, block quotes, lists, field and option
 * lists, doctest and line blocks, tables, explicit markup (comments, targets, substitutions, directives), section
 * adornments and paragraphs.
 */
class Body extends State {

    static final String NONALPHANUM7BIT = "[!-/:-@\\[-`{-~]";
    static final String PUNCTUATION_7BIT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private static final String ENUM = "([0-9]+|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+|#)";
    private static final String OPTARG = "([a-zA-Z][a-zA-Z0-9_-]*|<[^<>]+>)";
    private static final String SHORTOPT = "(-|\\+)[a-zA-Z0-9]( ?" + OPTARG + ")?";
    private static final String LONGOPT = "(--|/)[a-zA-Z0-9][a-zA-Z0-9_-]*([ =]" + OPTARG + ")?";
    private static final String OPTION = "(" + SHORTOPT + "|" + LONGOPT + ")";

    static final Pattern FIELD_MARKER = Pattern.compile(":(?![: ])([^:\\\\]|\\\\.|:(?!([ `]|$)))*(?<! ):( +|$)");
    static final Pattern LINE = Pattern.compile("(" + NONALPHANUM7BIT + ")\\1* *$");
    /**
     * {@code LINE.matcher(s).lookingAt()} without the regex: one 7-bit punctuation character repeated, then only
     * spaces to the end (the greedy {@code \1*} never needs to give a character back to {@code " *"}, as the
     * repeated character is no space; lines hold no line terminator, so {@code $} is the end).
     */
    static boolean isAdornment(String s) {
        if (s.isEmpty() || PUNCTUATION_7BIT.indexOf(s.charAt(0)) < 0) {
            return false;
        }
        char c = s.charAt(0);
        int i = 1;
        while (i < s.length() && s.charAt(i) == c) {
            i++;
        }
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i == s.length();
    }

    static final Pattern GRID_TABLE_TOP = Pattern.compile("\\+-[-+]+-\\+ *$");
    static final Pattern SIMPLE_TABLE_TOP = Pattern.compile("=+( +=+)+ *$");
    static final Pattern SIMPLE_TABLE_BORDER = Pattern.compile("=+[ =]*$");
    static final Pattern BLANK = Pattern.compile(" *$");
    static final Pattern INDENT = Pattern.compile(" +");
    static final Pattern TEXT = Pattern.compile("");

    /** The body transitions, in docutils' order; the list states share them. */
    static final TransitionTable TRANSITIONS = new TransitionTable(List.of(
            new Transition(Transition.Kind.BLANK, BLANK, null, null),
            new Transition(Transition.Kind.INDENT, INDENT, null, " "),
            new Transition(Transition.Kind.BULLET, Pattern.compile("[-+*\u2022\u2023\u2043]( +|$)"), null,
                    "-+*\u2022\u2023\u2043"),
            new Transition(Transition.Kind.ENUMERATOR, Pattern.compile("((?<parens>\\(" + ENUM + "\\))|(?<rparen>"
                    + ENUM + "\\))|(?<period>" + ENUM + "\\.))( +|$)"), null, null),
            new Transition(Transition.Kind.FIELD_MARKER, FIELD_MARKER, null, ":"),
            new Transition(Transition.Kind.OPTION_MARKER, Pattern.compile(OPTION + "(, " + OPTION + ")*(  +| ?$)"),
                    null, "-+/"),
            new Transition(Transition.Kind.DOCTEST, Pattern.compile(">>>( +|$)"), null, ">"),
            new Transition(Transition.Kind.LINE_BLOCK, Pattern.compile("\\|( +|$)"), null, "|"),
            new Transition(Transition.Kind.GRID_TABLE_TOP, GRID_TABLE_TOP, null, "+"),
            new Transition(Transition.Kind.SIMPLE_TABLE_TOP, SIMPLE_TABLE_TOP, null, "="),
            new Transition(Transition.Kind.EXPLICIT_MARKUP, Pattern.compile("\\.\\.( +|$)"), null, "."),
            new Transition(Transition.Kind.ANONYMOUS, Pattern.compile("__( +|$)"), null, "_"),
            new Transition(Transition.Kind.LINE, LINE, null, PUNCTUATION_7BIT),
            new Transition(Transition.Kind.TEXT, TEXT, null, null)));

    Body(StateMachine sm) {
        this(sm, StateName.BODY, TRANSITIONS);
    }

    Body(StateMachine sm, StateName name, TransitionTable transitions) {
        super(sm, name, transitions);
    }

    private static Step step(StateName next) {
        return State.empty(next);
    }

    // ------------------------------------------------------------------ block quotes

    @Override
    Step indent(Matcher m, List<String> context, StateName next) throws EndOfInput {
        StateMachine.Indented in = sm.getIndented(false, true);
        parent().appendAll(blockQuote(in.block(), in.offset()));
        if (!in.blankFinish()) {
            parent().append(unindentWarning("Block quote"));
        }
        return new Step(context, next);
    }

    List<Node> blockQuote(LineList indented, int lineOffset) throws EndOfInput {
        List<Node> elements = new ArrayList<>();
        while (!indented.isEmpty()) {
            Node blockquote = new Node(NodeType.BLOCK_QUOTE, "");
            Memo.Position at = sm.sourceAndLine(lineOffset + 1);
            blockquote.source = at.source();
            blockquote.line = at.line();
            Attribution split = splitAttribution(indented, lineOffset);
            nestedParse(split.quote, lineOffset, blockquote, false);
            elements.add(blockquote);
            if (split.attribution != null) {
                String text = Py.rstrip(split.attribution.join("\n"));
                int lineno = 1 + lineOffset + split.attributionStart;
                Node attribution = new Node(NodeType.ATTRIBUTION, text);
                attribution.appendAll(inlineText(text, lineno));
                Memo.Position a = sm.sourceAndLine(lineno);
                attribution.source = a.source();
                attribution.line = a.line();
                blockquote.append(attribution);
                elements.addAll(inlineMessages());
            }
            if (split.rest == null) {
                break;
            }
            indented = split.rest;
            lineOffset = split.newLineOffset;
            while (!indented.isEmpty() && indented.get(0).isEmpty()) {
                indented = indented.slice(1);
                lineOffset++;
            }
        }
        return elements;
    }

    private static final Pattern ATTRIBUTION = Pattern.compile("(---?(?!-)|\u2014) *(?=[^ \\n])");

    private record Attribution(LineList quote, LineList attribution, int attributionStart, LineList rest,
                               int newLineOffset) {
    }

    private Attribution splitAttribution(LineList indented, int lineOffset) {
        int blank = -2;
        boolean nonblankSeen = false;
        for (int i = 0; i < indented.size(); i++) {
            String line = Py.rstrip(indented.get(i));
            if (!line.isEmpty()) {
                if (nonblankSeen && blank == i - 1) {
                    Matcher m = ATTRIBUTION.matcher(line);
                    if (m.lookingAt()) {
                        int[] end = checkAttribution(indented, i);
                        if (end != null) {
                            LineList a = indented.slice(i, end[0]);
                            a.trimLeft(m.end(), 0, 1);
                            a.trimLeft(end[1], 1, Integer.MAX_VALUE);
                            return new Attribution(indented.slice(0, i), a, i, indented.slice(end[0]),
                                    lineOffset + end[0]);
                        }
                    }
                }
                nonblankSeen = true;
            } else {
                blank = i;
            }
        }
        return new Attribution(indented, null, 0, null, 0);
    }

    /** Where an attribution ends and the indent of its continuation lines; null when they are ragged. */
    private static int[] checkAttribution(LineList indented, int start) {
        int indent = -1;
        int i = start + 1;
        boolean broke = false;
        for (int j = start + 1; j < indented.size(); j++) {
            i = j;
            String line = Py.rstrip(indented.get(j));
            if (line.isEmpty()) {
                broke = true;
                break;
            }
            int lineIndent = line.length() - Py.lstrip(line).length();
            if (indent < 0) {
                indent = lineIndent;
            } else if (lineIndent != indent) {
                return null;
            }
        }
        if (!broke) {
            // Python's for-else: past the last line (even when the loop did not run)
            i++;
        }
        return new int[] {i, Math.max(indent, 0)};
    }

    // ------------------------------------------------------------------ lists

    @Override
    Step bullet(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Node list = new Node(NodeType.BULLET_LIST, "");
        Memo.Position at = sm.sourceAndLine(null);
        list.source = at.source();
        list.line = at.line();
        parent().append(list);
        list.set("bullet", m.group().substring(0, 1));
        ListItem item = listItem(m.end());
        list.append(item.node);
        ListEnd end = nestedListParse(sm.inputLines.slice(sm.lineOffset + 1), sm.absLineOffset() + 1, list,
                StateName.BULLET_LIST, item.blankFinish);
        gotoLine(end.offset());
        if (!end.blankFinish()) {
            parent().append(unindentWarning("Bullet list"));
        }
        return step(next);
    }

    /** An item of a list-like construct (a list item, a field, a line) and whether a blank line ended it. */
    record ListItem(Node node, boolean blankFinish) {
    }

    ListItem listItem(int indent) throws EndOfInput {
        StateMachine.Indented in = sm.line.length() > indent
                ? sm.getKnownIndented(indent, false, true)
                : sm.getFirstKnownIndented(indent, false, true, true);
        Node item = new Node(NodeType.LIST_ITEM, "");
        if (!in.block().isEmpty()) {
            nestedParse(in.block(), in.offset(), item, false);
        }
        return new ListItem(item, in.blankFinish());
    }

    /** How an enumerator is written: its format, sequence, text and ordinal (null when invalid). */
    record Enumerator(String format, String sequence, String text, Integer ordinal) {
    }

    @Override
    Step enumerator(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Enumerator e = parseEnumerator(m, null);
        if (!isEnumeratedListItem(e.ordinal, e.sequence, e.format)) {
            throw new TransitionCorrection(Transition.Kind.TEXT);
        }
        Node list = new Node(NodeType.ENUMERATED_LIST, "");
        parent().append(list);
        list.set("enumtype", e.sequence.equals("#") ? "arabic" : e.sequence);
        if (e.ordinal != 1) {
            list.set("start", e.ordinal);
            parent().append(memo.report(Memo.INFO, "enumerated-list", "Enumerated list start value not ordinal-1: \""
                    + e.text + "\" (ordinal " + e.ordinal + ")", null));
        }
        ListItem item = listItem(m.end());
        list.append(item.node);
        ListEnd end = nestedListParse(sm.inputLines.slice(sm.lineOffset + 1), sm.absLineOffset() + 1, list,
                StateName.ENUMERATED_LIST, item.blankFinish, null, s -> {
                    SpecializedBody.EnumeratedList el = (SpecializedBody.EnumeratedList) s;
                    el.lastOrdinal = e.ordinal;
                    el.format = e.format;
                    el.auto = e.sequence.equals("#");
                }, false);
        gotoLine(end.offset());
        if (!end.blankFinish()) {
            parent().append(unindentWarning("Enumerated list"));
        }
        return step(next);
    }

    private static final List<String> SEQUENCES = List.of("arabic", "loweralpha", "upperalpha", "lowerroman",
            "upperroman");
    private static final Map<String, Pattern> SEQUENCE_PATTERNS = Map.of(
            "arabic", Pattern.compile("[0-9]+$"),
            "loweralpha", Pattern.compile("[a-z]$"),
            "upperalpha", Pattern.compile("[A-Z]$"),
            "lowerroman", Pattern.compile("[ivxlcdm]+$"),
            "upperroman", Pattern.compile("[IVXLCDM]+$"));

    Enumerator parseEnumerator(Matcher m, String expectedSequence) {
        String format;
        String whole;
        if (m.group("parens") != null) {
            format = "parens";
            whole = m.group("parens");
        } else if (m.group("rparen") != null) {
            format = "rparen";
            whole = m.group("rparen");
        } else {
            format = "period";
            whole = m.group("period");
        }
        String text = format.equals("parens") ? whole.substring(1, whole.length() - 1)
                : whole.substring(0, whole.length() - 1);
        String sequence = "";
        if (text.equals("#")) {
            sequence = "#";
        } else if (expectedSequence != null) {
            if (SEQUENCE_PATTERNS.get(expectedSequence).matcher(text).lookingAt()) {
                sequence = expectedSequence;
            }
        } else if (text.equals("i")) {
            sequence = "lowerroman";
        } else if (text.equals("I")) {
            sequence = "upperroman";
        }
        if (sequence.isEmpty()) {
            for (String s : SEQUENCES) {
                sequence = s;
                if (SEQUENCE_PATTERNS.get(s).matcher(text).lookingAt()) {
                    break;
                }
            }
        }
        Integer ordinal;
        switch (sequence) {
            case "#" -> ordinal = 1;
            case "arabic" -> ordinal = Py.parseInt(text);
            case "loweralpha" -> ordinal = text.charAt(0) - 'a' + 1;
            case "upperalpha" -> ordinal = text.charAt(0) - 'A' + 1;
            default -> ordinal = Roman.fromRoman(text.toUpperCase());
        }
        return new Enumerator(format, sequence, text, ordinal);
    }

    boolean isEnumeratedListItem(Integer ordinal, String sequence, String format) {
        if (ordinal == null) {
            return false;
        }
        String nextLine;
        try {
            nextLine = sm.nextLine();
        } catch (EndOfInput e) {
            sm.previousLine(1);
            return true;
        }
        sm.previousLine(1);
        if (Py.isBlank(nextLine.isEmpty() ? "" : nextLine.substring(0, 1))) {
            return true;
        }
        String[] result = makeEnumerator(ordinal + 1, sequence, format);
        return result != null && (nextLine.startsWith(result[0]) || nextLine.startsWith(result[1]));
    }

    private static String[] makeEnumerator(int ordinal, String sequence, String format) {
        String enumerator;
        if (sequence.equals("#")) {
            enumerator = "#";
        } else if (sequence.equals("arabic")) {
            enumerator = Integer.toString(ordinal);
        } else {
            if (sequence.endsWith("alpha")) {
                if (ordinal > 26) {
                    return null;
                }
                enumerator = String.valueOf((char) (ordinal + 'a' - 1));
            } else {
                enumerator = Roman.toRoman(ordinal);
                if (enumerator == null) {
                    return null;
                }
            }
            enumerator = sequence.startsWith("lower") ? enumerator.toLowerCase() : enumerator.toUpperCase();
        }
        String prefix = format.equals("parens") ? "(" : "";
        String suffix = format.equals("period") ? "." : ")";
        return new String[] {prefix + enumerator + suffix + " ", prefix + "#" + suffix + " "};
    }

    // ------------------------------------------------------------------ field and option lists

    @Override
    Step fieldMarker(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Node list = new Node(NodeType.FIELD_LIST, "");
        parent().append(list);
        ListItem field = field(m);
        list.append(field.node);
        ListEnd end = nestedListParse(sm.inputLines.slice(sm.lineOffset + 1), sm.absLineOffset() + 1, list,
                StateName.FIELD_LIST, field.blankFinish);
        gotoLine(end.offset());
        if (!end.blankFinish()) {
            parent().append(unindentWarning("Field list"));
        }
        return step(next);
    }

    ListItem field(Matcher m) throws EndOfInput {
        String marker = m.group().substring(1);
        String name = marker.substring(0, marker.lastIndexOf(':'));
        Memo.Position at = sm.sourceAndLine(null);
        int lineno = sm.absLineNumber();
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), false, true, true);
        Node field = new Node(NodeType.FIELD, "");
        field.source = at.source();
        field.line = at.line();
        Node fieldName = new Node(NodeType.FIELD_NAME, name);
        fieldName.appendAll(inlineText(name, lineno));
        field.append(fieldName);
        Node body = new Node(NodeType.FIELD_BODY, "");
        body.appendAll(inlineMessages());
        field.append(body);
        if (!in.block().isEmpty()) {
            parseFieldBody(in.block(), in.offset(), body);
        }
        return new ListItem(field, in.blankFinish());
    }

    void parseFieldBody(LineList indented, int offset, Node node) throws EndOfInput {
        nestedParse(indented, offset, node, false);
    }

    /** An option list marker that does not parse (docutils' MarkupError in parse_option_marker). */
    static final class BadOptionMarker extends Exception {
        BadOptionMarker(String message) {
            super(message, null, false, false);
        }
    }

    @Override
    Step optionMarker(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Node list = new Node(NodeType.OPTION_LIST, "");
        Memo.Position at = sm.sourceAndLine(null);
        list.source = at.source();
        list.line = at.line();
        ListItem item;
        try {
            item = optionListItem(m);
        } catch (BadOptionMarker e) {
            parent().append(memo.report(Memo.ERROR, "option-list", "Invalid option list marker: " + e.getMessage(),
                    null));
            StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), false, true, true);
            parent().appendAll(blockQuote(in.block(), in.offset()));
            if (!in.blankFinish()) {
                parent().append(unindentWarning("Option list"));
            }
            return step(next);
        }
        parent().append(list);
        list.append(item.node);
        ListEnd end = nestedListParse(sm.inputLines.slice(sm.lineOffset + 1), sm.absLineOffset() + 1, list,
                StateName.OPTION_LIST, item.blankFinish);
        gotoLine(end.offset());
        if (!end.blankFinish()) {
            parent().append(unindentWarning("Option list"));
        }
        return step(next);
    }

    ListItem optionListItem(Matcher m) throws BadOptionMarker, EndOfInput {
        int offset = sm.absLineOffset();
        List<Node> options = parseOptionMarker(m);
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), false, true, true);
        if (in.block().isEmpty()) {
            gotoLine(offset);
            throw new TransitionCorrection(Transition.Kind.TEXT);
        }
        Node group = new Node(NodeType.OPTION_GROUP, "");
        group.appendAll(options);
        Node description = new Node(NodeType.DESCRIPTION, "");
        Node item = new Node(NodeType.OPTION_LIST_ITEM, "");
        item.append(group);
        item.append(description);
        nestedParse(in.block(), in.offset(), description, false);
        return new ListItem(item, in.blankFinish());
    }

    private static List<Node> parseOptionMarker(Matcher m) throws BadOptionMarker {
        List<Node> out = new ArrayList<>();
        for (String optionString : Py.rstrip(m.group()).split(", ", -1)) {
            List<String> tokens = new ArrayList<>(Py.split(optionString));
            String delimiter = " ";
            String first = tokens.get(0);
            int eq = first.indexOf('=');
            if (eq >= 0) {
                tokens.set(0, first.substring(eq + 1));
                tokens.add(0, first.substring(0, eq));
                delimiter = "=";
            } else if (first.length() > 2 && ((first.startsWith("-") && !first.startsWith("--"))
                    || first.startsWith("+"))) {
                tokens.set(0, first.substring(2));
                tokens.add(0, first.substring(0, 2));
                delimiter = "";
            }
            if (tokens.size() > 1 && tokens.get(1).startsWith("<") && tokens.get(tokens.size() - 1).endsWith(">")) {
                String joined = String.join(" ", tokens.subList(1, tokens.size()));
                tokens = new ArrayList<>(List.of(tokens.get(0), joined));
            }
            if (tokens.isEmpty() || tokens.size() > 2) {
                throw new BadOptionMarker("wrong number of option tokens (=" + tokens.size()
                        + "), should be 1 or 2: \"" + optionString + "\"");
            }
            Node option = new Node(NodeType.OPTION, optionString);
            option.append(Node.withText(NodeType.OPTION_STRING, tokens.get(0), tokens.get(0)));
            if (tokens.size() > 1) {
                Node argument = Node.withText(NodeType.OPTION_ARGUMENT, tokens.get(1), tokens.get(1));
                argument.set("delimiter", delimiter);
                option.append(argument);
            }
            out.add(option);
        }
        return out;
    }

    // ------------------------------------------------------------------ doctest and line blocks

    @Override
    Step doctest(Matcher m, List<String> context, StateName next) throws EndOfInput {
        LineList block;
        try {
            block = sm.getTextBlock(false);
        } catch (LineList.UnexpectedIndentation e) {
            throw new IllegalStateException(e);
        }
        String data = block.join("\n");
        parent().append(Node.withText(NodeType.DOCTEST_BLOCK, data, data));
        return step(next);
    }

    @Override
    Step lineBlock(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Node block = new Node(NodeType.LINE_BLOCK, "");
        parent().append(block);
        int lineno = sm.absLineNumber();
        ListItem first = lineBlockLine(m, lineno);
        block.append(first.node());
        parent().appendAll(inlineMessages());
        boolean blankFinish = first.blankFinish;
        if (!blankFinish) {
            ListEnd end = nestedListParse(sm.inputLines.slice(sm.lineOffset + 1), sm.absLineOffset() + 1, block,
                    StateName.LINE_BLOCK, false);
            gotoLine(end.offset());
            blankFinish = end.blankFinish();
        }
        if (!blankFinish) {
            parent().append(memo.report(Memo.WARNING, "unindent", "Line block ends without a blank line.",
                    lineno + 1));
        }
        return step(next);
    }

    ListItem lineBlockLine(Matcher m, int lineno) {
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), true, true, true);
        String text = in.block().join("\n");
        Node line = new Node(NodeType.LINE, text);
        line.appendAll(inlineText(text, lineno));
        return new ListItem(line, in.blankFinish());
    }

    // ------------------------------------------------------------------ tables

    @Override
    Step gridTableTop(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return tableTop(next, true);
    }

    @Override
    Step simpleTableTop(Matcher m, List<String> context, StateName next) throws EndOfInput {
        return tableTop(next, false);
    }

    private Step tableTop(StateName next, boolean grid) throws EndOfInput {
        boolean blankFinish = table(grid);
        if (!blankFinish) {
            parent().append(memo.report(Memo.WARNING, "table", "Blank line required after table.",
                    sm.absLineNumber() + 1));
        }
        return step(next);
    }

    /** Isolate and build a table; returns whether a blank line follows it. */
    boolean table(boolean grid) throws EndOfInput {
        TableParser.Isolated isolated = grid ? TableParser.isolateGrid(this) : TableParser.isolateSimple(this);
        if (isolated.block() != null) {
            int tableLine = sm.absLineNumber() - isolated.block().size() + 1;
            try {
                TableParser.Structure structure = grid ? TableParser.parseGrid(isolated.block())
                        : TableParser.parseSimple(isolated.block());
                parent().append(buildTable(structure, tableLine));
            } catch (TableParser.MalformedTable e) {
                parent().append(malformedTable(isolated.block(), e.getMessage(), e.offset));
            }
        }
        parent().appendAll(isolated.messages());
        return isolated.blankFinish();
    }

    Node malformedTable(LineList block, String detail, int offset) {
        int startLine = sm.absLineNumber() - block.size() + 1;
        return memo.report(Memo.ERROR, "table", "Malformed table." + (detail.isEmpty() ? "" : "\n" + detail),
                startLine + offset);
    }

    private Node buildTable(TableParser.Structure structure, int tableLine) throws EndOfInput {
        Node table = new Node(NodeType.TABLE, "");
        Node group = new Node(NodeType.TGROUP, "");
        table.append(group);
        for (int width : structure.columnWidths()) {
            Node spec = new Node(NodeType.COLSPEC, "");
            spec.set("colwidth", width);
            group.append(spec);
        }
        if (!structure.headRows().isEmpty()) {
            Node head = new Node(NodeType.THEAD, "");
            group.append(head);
            for (List<TableParser.Cell> row : structure.headRows()) {
                head.append(buildRow(row, tableLine));
            }
        }
        Node body = new Node(NodeType.TBODY, "");
        group.append(body);
        for (List<TableParser.Cell> row : structure.bodyRows()) {
            body.append(buildRow(row, tableLine));
        }
        return table;
    }

    private Node buildRow(List<TableParser.Cell> cells, int tableLine) throws EndOfInput {
        Node row = new Node(NodeType.ROW, "");
        for (TableParser.Cell cell : cells) {
            if (cell == null) {
                continue;
            }
            Node entry = new Node(NodeType.ENTRY, "");
            row.append(entry);
            if (!cell.block().join("").isEmpty()) {
                nestedParse(cell.block(), tableLine + cell.offset(), entry, false);
            }
        }
        return row;
    }

    // ------------------------------------------------------------------ explicit markup

    private static final String SIMPLENAME = Inliner.SIMPLENAME;
    private static final Pattern FOOTNOTE = Pattern.compile(
            "\\.\\.[ ]+\\[([0-9]+|\\#|\\#" + SIMPLENAME + "|\\*)\\]([ ]+|$)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern CITATION = Pattern.compile(
            "\\.\\.[ ]+\\[(" + SIMPLENAME + ")\\]([ ]+|$)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HYPERLINK_TARGET = Pattern.compile("\\.\\.[ ]+_(?![ ]|$)");
    private static final Pattern SUBSTITUTION_DEF = Pattern.compile("\\.\\.[ ]+\\|(?![ ]|$)");
    static final Pattern DIRECTIVE = Pattern.compile(
            "\\.\\.[ ]+(" + SIMPLENAME + ")[ ]?::([ ]+|$)", Pattern.UNICODE_CHARACTER_CLASS);

    static final Pattern TARGET = Pattern.compile(
            "(_|(?!_)(?<quote>`?)(?![ `])(?<name>.+?)(?<![\\s\\x00])\\k<quote>)(?<!(?<!\\x00):)(?<![\\s\\x00])[ ]?:([ ]+|$)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern REFERENCE = Pattern.compile(
            "((?<simple>" + SIMPLENAME + ")_|`(?![ ])(?<phrase>.+?)(?<![\\s\\x00])`_)$",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
    private static final Pattern SUBSTITUTION = Pattern.compile(
            "((?![ ])(?<name>.+?)(?<![\\s\\x00])\\|)([ ]+|$)", Pattern.UNICODE_CHARACTER_CLASS);

    /** Explicit markup that does not parse (docutils' MarkupError). */
    static final class MarkupError extends Exception {
        MarkupError(String message) {
            super(message, null, false, false);
        }
    }

    record Constructed(List<Node> nodes, boolean blankFinish) {
    }

    @Override
    Step explicitMarkup(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Constructed c = explicitConstruct(m);
        parent().appendAll(c.nodes);
        explicitList(c.blankFinish);
        return step(next);
    }

    Constructed explicitConstruct(Matcher m) throws EndOfInput {
        String line = sm.line;
        // the character after ".. " tells which construct can match (docutils tries them all in this order)
        char first = m.end() < line.length() ? line.charAt(m.end()) : ' ';
        try {
            Matcher e;
            if (first == '[' && (e = FOOTNOTE.matcher(line)).lookingAt()) {
                return footnote(e);
            }
            if (first == '[' && (e = CITATION.matcher(line)).lookingAt()) {
                return citation(e);
            }
            if (first == '_' && (e = HYPERLINK_TARGET.matcher(line)).lookingAt()) {
                return hyperlinkTarget(e);
            }
            if (first == '|' && (e = SUBSTITUTION_DEF.matcher(line)).lookingAt()) {
                return substitutionDef(e);
            }
            DirectiveMarker directive;
            if (first != ' ' && (directive = DirectiveMarker.of(line)) != null) {
                return directive(directive, null);
            }
        } catch (MarkupError error) {
            Node warning = memo.report(Memo.WARNING, "markup", error.getMessage(), sm.absLineNumber());
            Constructed comment = comment(m, line);
            List<Node> nodes = new ArrayList<>(comment.nodes());
            nodes.add(warning);
            return new Constructed(nodes, comment.blankFinish());
        }
        return comment(m, line);
    }

    void explicitList(boolean blankFinish) {
        if (!explicitMarkupFollows()) {
            // the Explicit machine would end on this line at once, leaving everything as it is: spare it
            if (!blankFinish) {
                parent().append(unindentWarning("Explicit markup"));
            }
            return;
        }
        ListEnd end = nestedListParse(sm.inputLines.slice(sm.lineOffset + 1), sm.absLineOffset() + 1, parent(),
                StateName.EXPLICIT, blankFinish, null, null, sm.matchTitles);
        gotoLine(end.offset());
        if (!end.blankFinish()) {
            parent().append(unindentWarning("Explicit markup"));
        }
    }

    /** Whether the next line is explicit markup ({@code .. } or {@code __ }), which continues an explicit list. */
    private boolean explicitMarkupFollows() {
        int next = sm.lineOffset + 1;
        if (next >= sm.inputLines.size()) {
            return true;
        }
        String line = sm.inputLines.get(next);
        return line.startsWith("..") || line.startsWith("__");
    }

    private Constructed footnote(Matcher m) throws EndOfInput {
        Memo.Position at = sm.sourceAndLine(null);
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), false, true, true);
        String label = m.group(1);
        String name = Names.fullyNormalize(label);
        Node footnote = new Node(NodeType.FOOTNOTE, "");
        footnote.source = at.source();
        footnote.line = at.line();
        if (name.startsWith("#")) {
            name = name.substring(1);
            footnote.set("auto", 1);
        } else if (name.equals("*")) {
            name = "";
            footnote.set("auto", "*");
        } else {
            footnote.append(Node.withText(NodeType.LABEL, "", label));
        }
        if (!name.isEmpty()) {
            footnote.names().add(name);
            memo.noteExplicitTarget(name, at, null);
        }
        if (!in.block().isEmpty()) {
            nestedParse(in.block(), in.offset(), footnote, false);
        }
        return new Constructed(List.of(footnote), in.blankFinish());
    }

    private Constructed citation(Matcher m) throws EndOfInput {
        Memo.Position at = sm.sourceAndLine(null);
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), false, true, true);
        String label = m.group(1);
        Node citation = new Node(NodeType.CITATION, "");
        citation.source = at.source();
        citation.line = at.line();
        citation.append(Node.withText(NodeType.LABEL, "", label));
        citation.names().add(Names.fullyNormalize(label));
        memo.noteExplicitTarget(Names.fullyNormalize(label), at, null);
        if (!in.block().isEmpty()) {
            nestedParse(in.block(), in.offset(), citation, false);
        }
        return new Constructed(List.of(citation), in.blankFinish());
    }

    private Constructed hyperlinkTarget(Matcher m) throws MarkupError {
        int lineno = sm.absLineNumber();
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), true, false, true);
        List<String> block = new ArrayList<>();
        for (String l : in.block().lines()) {
            block.add(Inliner.escape2null(l));
        }
        if (block.isEmpty()) {
            throw new MarkupError("malformed hyperlink target.");
        }
        String escaped = block.get(0);
        int blockIndex = 0;
        TargetMarker target;
        while (true) {
            target = TargetMarker.of(escaped);
            if (target != null) {
                break;
            }
            blockIndex++;
            if (blockIndex >= block.size()) {
                throw new MarkupError("malformed hyperlink target.");
            }
            escaped += block.get(blockIndex);
        }
        block = new ArrayList<>(block.subList(blockIndex, block.size()));
        String first = block.get(0) + " ";
        int cut = first.length() + (target.end() - escaped.length() - 1);
        block.set(0, Py.strip(first.substring(Math.max(0, Math.min(cut, first.length())))));
        Node node = makeTarget(block, lineno, target.name());
        return new Constructed(node == null ? List.of() : List.of(node), in.blankFinish());
    }

    /** A link target: an indirect one (to another name) or one with a URI; null when the target is empty. */
    Node makeTarget(List<String> block, int lineno, String targetName) {
        Memo.Position at = sm.sourceAndLine(lineno);
        String refname = indirectName(block);
        Node target = new Node(NodeType.TARGET, "");
        target.source = at.source();
        target.line = at.line();
        String uri = null;
        if (refname != null) {
            target.set("refname", Names.fullyNormalize(refname));
            memo.noteReference("target", Names.fullyNormalize(refname), refname, at);
        } else {
            uri = uriOf(block);
            target.set("refuri", uri);
        }
        if (targetName != null && !targetName.isEmpty()) {
            String name = Names.fullyNormalize(Inliner.unescape(targetName, false));
            target.names().add(name);
            memo.noteExplicitTarget(name, at, uri == null ? "->" + refname : uri);
        } else {
            target.set("anonymous", 1);
        }
        return target;
    }

    private static String indirectName(List<String> block) {
        if (block.isEmpty() || !Py.strip(block.get(block.size() - 1)).endsWith("_")) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String l : block) {
            parts.add(Py.strip(l));
        }
        Matcher m = REFERENCE.matcher(Names.whitespaceNormalize(String.join(" ", parts)));
        if (!m.lookingAt()) {
            return null;
        }
        return Inliner.unescape(m.group("simple") != null ? m.group("simple") : m.group("phrase"), false);
    }

    private static String uriOf(List<String> block) {
        List<String> parts = Inliner.splitEscapedWhitespace(String.join(" ", block));
        List<String> cleaned = new ArrayList<>();
        for (String part : parts) {
            cleaned.add(String.join("", Py.split(Inliner.unescape(part, false))));
        }
        return String.join(" ", cleaned);
    }

    private Constructed substitutionDef(Matcher m) throws MarkupError, EndOfInput {
        Memo.Position at = sm.sourceAndLine(null);
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), false, false, true);
        List<String> block = new ArrayList<>(in.block().lines());
        List<LineList.Origin> origins = new ArrayList<>();
        for (int i = 0; i < in.block().size(); i++) {
            origins.add(in.block().info(i));
        }
        int offset = in.offset();
        if (block.isEmpty()) {
            throw new MarkupError("malformed substitution definition.");
        }
        String escaped = Inliner.escape2null(Py.rstrip(block.get(0)));
        int blockIndex = 0;
        Matcher def;
        while (true) {
            def = SUBSTITUTION.matcher(escaped);
            if (def.lookingAt()) {
                break;
            }
            blockIndex++;
            if (blockIndex >= block.size()) {
                throw new MarkupError("malformed substitution definition.");
            }
            escaped = escaped + " " + Inliner.escape2null(Py.strip(block.get(blockIndex)));
        }
        block = new ArrayList<>(block.subList(blockIndex, block.size()));
        origins = new ArrayList<>(origins.subList(blockIndex, origins.size()));
        String first = Py.strip(block.get(0)) + " ";
        int start = first.length() + (def.end() - escaped.length() - 1);
        block.set(0, first.substring(Math.max(0, Math.min(start, first.length())), first.length() - 1));
        if (block.get(0).isEmpty()) {
            block.remove(0);
            origins.remove(0);
            offset++;
        }
        while (!block.isEmpty() && Py.isBlank(block.get(block.size() - 1))) {
            block.remove(block.size() - 1);
            origins.remove(origins.size() - 1);
        }
        String subname = def.group("name");
        if (block.isEmpty()) {
            return new Constructed(List.of(memo.reportAt(Memo.WARNING, "substitution", "Substitution definition \""
                    + subname + "\" missing contents.", at)), in.blankFinish());
        }
        block.set(0, Py.strip(block.get(0)));
        Node definition = new Node(NodeType.SUBSTITUTION_DEFINITION, "");
        definition.source = at.source();
        definition.line = at.line();
        definition.names().add(Names.whitespaceNormalize(subname));
        LineList lines = LineList.of(block.toArray(new String[0]), origins.toArray(new LineList.Origin[0]));
        ListEnd end = nestedListParse(lines, offset, definition, StateName.SUBSTITUTION_DEF, in.blankFinish());
        List<Node> kept = new ArrayList<>();
        for (Node child : List.copyOf(definition.children)) {
            if (child.type.isInline() || child.type == NodeType.TEXT) {
                kept.add(child);
            } else {
                parent().append(child);
            }
        }
        definition.children.clear();
        definition.appendAll(kept);
        if (kept.isEmpty()) {
            return new Constructed(List.of(memo.reportAt(Memo.WARNING, "substitution", "Substitution definition \""
                    + subname + "\" empty or invalid.", at)), end.blankFinish());
        }
        memo.substitutions.put(Names.whitespaceNormalize(subname), definition);
        return new Constructed(List.of(definition), end.blankFinish());
    }

    /** Run a directive; {@code alt} is the substitution name when the directive stands in a definition. */
    Constructed directive(DirectiveMarker marker, String alt) throws EndOfInput {
        String typeName = marker.type();
        Directive directive = Directives.lookup(typeName);
        if (directive == null) {
            // docutils first says where it looked for the name
            parent().append(memo.report(Memo.INFO, null, "No directive entry for \"" + typeName + "\" in module "
                    + "\"docutils.parsers.rst.languages.en\".\nTrying \"" + typeName + "\" as canonical directive name.",
                    sm.absLineNumber()));
            return unknownDirective(typeName);
        }
        return runDirective(directive, marker.end(), typeName, alt);
    }

    private Constructed runDirective(Directive directive, int markerEnd, String typeName, String alt)
            throws EndOfInput {
        int lineno = sm.absLineNumber();
        StateMachine.Indented in = sm.getFirstKnownIndented(markerEnd, false, true, false);
        Directive.Call call;
        try {
            call = parseDirectiveBlock(in.block(), in.offset(), directive, typeName, lineno, alt);
        } catch (MarkupError error) {
            return new Constructed(List.of(memo.report(Memo.ERROR, "directive", "Error in \"" + typeName
                    + "\" directive:\n" + error.getMessage() + ".", lineno)), in.blankFinish());
        }
        List<Node> result;
        try {
            result = directive.run(call);
        } catch (Directive.DirectiveError error) {
            result = List.of(memo.report(error.level, error.rule, error.getMessage(), lineno));
        }
        return new Constructed(result, in.blankFinish() || sm.isNextLineBlank());
    }

    private Directive.Call parseDirectiveBlock(LineList indented, int lineOffset, Directive directive,
                                               String typeName, int lineno, String alt)
            throws MarkupError {
        Directive.Spec spec = directive.spec();
        if (!indented.isEmpty() && Py.isBlank(indented.get(0))) {
            indented.trimStart(1);
            lineOffset++;
        }
        while (!indented.isEmpty() && Py.isBlank(indented.last())) {
            indented.trimEnd(1);
        }
        LineList argBlock;
        LineList content;
        int contentOffset;
        int i = 0;
        boolean takesArguments = spec.requiredArguments() > 0 || spec.optionalArguments() > 0;
        if (!indented.isEmpty() && (takesArguments || spec.hasOptions())) {
            while (i < indented.size() && !Py.isBlank(indented.get(i))) {
                i++;
            }
            argBlock = indented.slice(0, i);
            content = indented.slice(i + 1);
            contentOffset = lineOffset + i + 1;
        } else {
            content = indented;
            contentOffset = lineOffset;
            argBlock = indented.slice(0, 0);
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (spec.hasOptions()) {
            // presets (a substitution's name as the image's alt) only survive when the directive has options
            if (alt != null) {
                options.put("alt", alt);
            }
            argBlock = parseDirectiveOptions(options, spec, argBlock);
        }
        if (!argBlock.isEmpty() && !takesArguments) {
            content = LineList.concat(argBlock, indented.slice(i));
            contentOffset = lineOffset;
            argBlock = indented.slice(0, 0);
        }
        while (!content.isEmpty() && Py.isBlank(content.get(0))) {
            content.trimStart(1);
            contentOffset++;
        }
        List<String> arguments = takesArguments ? parseDirectiveArguments(spec, argBlock) : List.of();
        if (!content.isEmpty() && !spec.hasContent()) {
            throw new MarkupError("no content permitted");
        }
        return new Directive.Call(typeName, arguments, options, content, lineno, contentOffset, this);
    }

    private LineList parseDirectiveOptions(Map<String, Object> options, Directive.Spec spec, LineList argBlock)
            throws MarkupError {
        LineList optBlock = null;
        for (int i = 0; i < argBlock.size(); i++) {
            String line = argBlock.get(i);
            // most argument lines are no option: the cheap test spares them the regex
            if (Transition.mayBeFieldMarker(line) && FIELD_MARKER.matcher(line).lookingAt()) {
                optBlock = argBlock.slice(i);
                argBlock = argBlock.slice(0, i);
                break;
            }
        }
        if (optBlock != null && !optBlock.isEmpty()) {
            options.putAll(parseExtensionOptions(spec, optBlock));
        }
        return argBlock;
    }

    private static List<String> parseDirectiveArguments(Directive.Spec spec, LineList argBlock) throws MarkupError {
        int required = spec.requiredArguments();
        int optional = spec.optionalArguments();
        String argText = argBlock.join("\n");
        List<String> arguments = Py.split(argText);
        if (arguments.size() < required) {
            throw new MarkupError(required + " argument(s) required, " + arguments.size() + " supplied");
        }
        if (arguments.size() > required + optional) {
            if (spec.finalArgumentWhitespace()) {
                arguments = Py.split(argText, required + optional - 1);
            } else {
                throw new MarkupError("maximum " + (required + optional) + " argument(s) allowed, "
                        + arguments.size() + " supplied");
            }
        }
        return arguments;
    }

    /** Parse a directive's option lines into converted values (docutils' parse_extension_options). */
    Map<String, Object> parseExtensionOptions(Directive.Spec spec, LineList dataLines) throws MarkupError {
        Node fieldList = new Node(NodeType.FIELD_LIST, "");
        ListEnd end = nestedListParse(dataLines, 0, fieldList, StateName.EXTENSION_OPTIONS, true);
        if (end.offset() != dataLines.size()) {
            throw new MarkupError("invalid option block");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (Node field : fieldList.children) {
            String fieldName = field.children.get(0).astext();
            if (Py.split(fieldName).size() != 1) {
                throw new MarkupError("invalid option data: extension option field name may not contain multiple "
                        + "words");
            }
            String name = fieldName.toLowerCase();
            Node body = field.children.get(1);
            String data;
            if (body.children.isEmpty()) {
                data = null;
            } else if (body.children.size() > 1 || !body.children.get(0).is(NodeType.PARAGRAPH)
                    || body.children.get(0).children.size() != 1
                    || !body.children.get(0).children.get(0).is(NodeType.TEXT)) {
                throw new MarkupError("invalid option data: extension option field body may contain\na single "
                        + "paragraph only (option \"" + name + "\")");
            } else {
                data = body.children.get(0).children.get(0).astext();
            }
            Directive.Option converter = spec.option(name);
            if (converter == null) {
                throw new MarkupError("unknown option: \"" + name + "\"");
            }
            if (options.containsKey(name)) {
                throw new MarkupError("invalid option data: duplicate option \"" + name + "\"");
            }
            try {
                options.put(name, converter.convert(data));
            } catch (IllegalArgumentException e) {
                throw new MarkupError("invalid option value: (option: \"" + name + "\"; value: "
                        + (data == null ? "None" : "'" + data + "'") + ")\n" + e.getMessage());
            }
        }
        if (!end.blankFinish()) {
            throw new MarkupError("option data incompletely parsed");
        }
        return options;
    }

    private Constructed unknownDirective(String typeName) {
        int lineno = sm.absLineNumber();
        StateMachine.Indented in = sm.getFirstKnownIndented(0, false, false, true);
        return new Constructed(List.of(memo.report(Memo.ERROR, "directive", "Unknown directive type \"" + typeName
                + "\".", lineno)), in.blankFinish());
    }

    /**
     * @param line the line {@code m} matched: a construct that read further lines before it failed has moved the
     *             state machine past it (docutils reads its first comment line from the match's own string)
     */
    Constructed comment(Matcher m, String line) {
        if (sm.isNextLineBlank()) {
            String firstCommentLine = line.substring(m.end());
            if (Py.isBlank(firstCommentLine)) {
                return new Constructed(List.of(new Node(NodeType.COMMENT, "")), true);
            }
            if (firstCommentLine.startsWith("end of inclusion from \"")) {
                if (!memo.includeLog.isEmpty()) {
                    memo.includeLog.remove(memo.includeLog.size() - 1);
                }
                return new Constructed(List.of(), true);
            }
        }
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), false, true, true);
        LineList block = in.block();
        while (!block.isEmpty() && Py.isBlank(block.last())) {
            block.trimEnd(1);
        }
        String text = block.join("\n");
        return new Constructed(List.of(Node.withText(NodeType.COMMENT, text, text)), in.blankFinish());
    }

    @Override
    Step anonymous(Matcher m, List<String> context, StateName next) throws EndOfInput {
        Constructed c = anonymousTarget(m);
        parent().appendAll(c.nodes);
        explicitList(c.blankFinish);
        return step(next);
    }

    Constructed anonymousTarget(Matcher m) {
        int lineno = sm.absLineNumber();
        StateMachine.Indented in = sm.getFirstKnownIndented(m.end(), true, true, true);
        List<String> block = new ArrayList<>();
        for (String l : in.block().lines()) {
            block.add(Inliner.escape2null(l));
        }
        Node target = makeTarget(block, lineno, "");
        return new Constructed(List.of(target), in.blankFinish());
    }

    // ------------------------------------------------------------------ adornments and text

    @Override
    Step line(Matcher m, List<String> context, StateName next) throws EndOfInput {
        if (sm.matchTitles) {
            List<String> ctx = new ArrayList<>();
            ctx.add(sm.line);
            return new Step(ctx, StateName.LINE);
        }
        String stripped = Py.strip(sm.line);
        if (stripped.equals("::")) {
            throw new TransitionCorrection(Transition.Kind.TEXT);
        }
        if (stripped.length() < 4) {
            parent().append(memo.report(Memo.INFO, "title-level", "Unexpected possible title overline or "
                    + "transition.\nTreating it as ordinary text because it's so short.", sm.absLineNumber()));
            throw new TransitionCorrection(Transition.Kind.TEXT);
        }
        parent().append(memo.report(Memo.SEVERE, "title-level", "Unexpected section title or transition.",
                sm.absLineNumber()));
        return step(next);
    }

    @Override
    Step text(Matcher m, List<String> context, StateName next) throws EndOfInput {
        List<String> ctx = new ArrayList<>();
        ctx.add(sm.line);
        return new Step(ctx, StateName.TEXT);
    }
}
