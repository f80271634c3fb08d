package dev.rehearse.read.rst;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Inline markup (docutils' {@code Inliner}): emphasis, strong, literals, interpreted text and roles, hyperlink
 * references, internal targets, substitution and footnote references. The reader needs it for section titles and
 * parsed-literal blocks (their text is the markup's text) and for the references the structural checks follow.
 * Standalone URIs are left as text: they do not change any text the reader reports.
 */
final class Inliner {

    static final String SIMPLENAME = "(?:(?!_)\\w)+(?:[-._+:](?:(?!_)\\w)+)*";
    /**
     * The same names, matched without backtracking: giving back characters of a name can never let what follows
     * it (an underscore, then whitespace or punctuation) match, so possessive loops change nothing but the time.
     */
    private static final String SIMPLENAME_FAST = "[^\\W_]++(?:[-._+:][^\\W_]++)*+";
    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
    // the punctuation tables are regex class bodies already (brackets escaped, ranges written a-b)
    private static final BitSet MAY_PRECEDE_START = UnicodeTables.classMembers(UnicodeTables.OPENERS
            + UnicodeTables.DELIMITERS);
    // docutils' end-string suffix. Java tests a large class member by member, so the cheap alternatives come first
    // and letters and digits (none of them is a closer or delimiter) are turned away before the large class
    private static final String END_SUFFIX = "($|(?=\\s|[\\x00" + UnicodeTables.CLOSING_DELIMITERS
            + "]|(?![\\p{L}\\p{N}])[" + UnicodeTables.DELIMITERS + UnicodeTables.CLOSERS + "]))";
    private static final String NON_WHITESPACE_BEFORE = "(?<!\\s)";
    private static final String NON_WHITESPACE_ESCAPE_BEFORE = "(?<![\\s\\x00])";
    private static final String NON_UNESCAPED_WHITESPACE_ESCAPE_BEFORE = "(?<!(?<!\\x00)[\\s\\x00])";
    private static final String NON_WHITESPACE_AFTER = "(?!\\s)";

    /**
     * docutils' initial pattern without its start-string prefix {@code (^|(?<=\s|[openers delimiters]))}: Java
     * evaluates such a large class slowly at every position, so {@link #startAllowed} tests it instead.
     */
    private static final Pattern INITIAL = Pattern.compile("(?<initialinline>"
            + "(?<start>\\*\\*|\\*(?!\\*)|``|_`|\\|(?!\\|))" + NON_WHITESPACE_AFTER
            + "|(?<whole>(?<refname>" + SIMPLENAME_FAST + ")(?<refend>__?)|\\[(?<footnotelabel>[0-9]+|\\#("
            + SIMPLENAME_FAST + ")?|\\*|(?<citationlabel>" + SIMPLENAME_FAST + "))(?<fnend>\\]_))" + END_SUFFIX
            + "|(?<role>(:" + SIMPLENAME + ":)?)(?<backquote>`(?!`))" + NON_WHITESPACE_AFTER
            + ")", FLAGS);
    private static final Pattern EMPHASIS = Pattern.compile(NON_WHITESPACE_ESCAPE_BEFORE + "(\\*)" + END_SUFFIX,
            FLAGS);
    private static final Pattern STRONG = Pattern.compile(NON_WHITESPACE_ESCAPE_BEFORE + "(\\*\\*)" + END_SUFFIX,
            FLAGS);
    private static final Pattern INTERPRETED_OR_PHRASE_REF = Pattern.compile(
            NON_UNESCAPED_WHITESPACE_ESCAPE_BEFORE + "(`(?<suffix>(?<role>:" + SIMPLENAME + ":)?(?<refend>__?)?))"
                    + END_SUFFIX, FLAGS);
    private static final Pattern EMBEDDED_LINK = Pattern.compile(
            "((?:[ \\n]+|^)<" + NON_WHITESPACE_AFTER + "(([^<>]|\\x00[<>])+)" + NON_WHITESPACE_ESCAPE_BEFORE + ">)$",
            FLAGS);
    private static final Pattern LITERAL = Pattern.compile(NON_WHITESPACE_BEFORE + "(``)" + END_SUFFIX, FLAGS);
    private static final Pattern TARGET = Pattern.compile(NON_WHITESPACE_ESCAPE_BEFORE + "(`)" + END_SUFFIX, FLAGS);
    private static final Pattern SUBSTITUTION_REF = Pattern.compile(
            NON_WHITESPACE_ESCAPE_BEFORE + "(\\|_{0,2})" + END_SUFFIX, FLAGS);
    private static final Pattern URI_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9.+-]*:");
    private static final Pattern TITLE_TARGET = Pattern.compile("^(.+?)\\s*<([^<>]*)>$", Pattern.DOTALL);

    /** Roles docutils (and the oracle's Sphinx stand-ins) know; their text is the content. */
    private static final Set<String> TEXT_ROLES = Set.of("emphasis", "strong", "literal", "code", "math",
            "subscript", "sub", "superscript", "sup", "title-reference", "title", "t", "abbreviation", "ab",
            "acronym", "ac", "pep-reference", "pep", "rfc-reference", "rfc");
    /** Sphinx-like roles the oracle renders as a literal of their title. */
    private static final Set<String> GENERIC_ROLES = Set.of("ref", "doc", "file", "command", "menuselection",
            "guilabel", "kbd", "samp", "program", "envvar", "term", "abbr", "download", "option", "makevar", "dfn",
            "mimetype", "regexp", "numref", "any", "py:func", "py:class", "py:mod");
    /** The lab's extlinks. */
    private static final Set<String> EXTLINK_ROLES = Set.of("manual", "manual_anchor", "lab", "lab_anchor");

    private final Memo memo;
    /** System messages of the parses since {@link #takeMessages} was last called. */
    private final List<Node> messages = new ArrayList<>();
    /** Roles a {@code role} directive defined in this document. */
    private final Set<String> customRoles = new HashSet<>();
    /** Where the text being parsed starts, to point references at their exact line. */
    private StateMachine machine;
    private int lineno;
    private String original;

    Inliner(Memo memo) {
        this.memo = memo;
    }

    private record Result(String before, List<Node> nodes, String remaining) {
    }

    /** Parse {@code text} (which starts at absolute line {@code lineno}) into inline nodes. */
    List<Node> parse(String text, int lineno, StateMachine sm) {
        if (!mayHoldMarkup(text)) {
            return implicitInline(text);
        }
        // parsing can nest (a substitution's directive inside a paragraph's role): keep the outer position
        StateMachine savedMachine = this.machine;
        int savedLine = this.lineno;
        String savedOriginal = this.original;
        this.machine = sm;
        this.lineno = lineno;
        String remaining = escape2null(text);
        this.original = remaining;
        List<Node> processed = new ArrayList<>();
        StringBuilder unprocessed = new StringBuilder();
        try {
            Matcher m = INITIAL.matcher("");
            while (!remaining.isEmpty()) {
                m.reset(remaining);
                if (!findStart(m, remaining)) {
                    break;
                }
                Result r = dispatch(m, remaining);
                unprocessed.append(r.before);
                remaining = r.remaining;
                if (!r.nodes.isEmpty()) {
                    processed.addAll(implicitInline(unprocessed.toString()));
                    processed.addAll(r.nodes);
                    unprocessed.setLength(0);
                }
            }
            String rest = unprocessed + remaining;
            processed.addAll(implicitInline(rest));
            return processed;
        } finally {
            this.machine = savedMachine;
            this.lineno = savedLine;
            this.original = savedOriginal;
        }
    }

    /** Every inline construct needs one of these characters; most text has none. */
    private static boolean mayHoldMarkup(String text) {
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case '*', '`', '_', '|', '[', '\\' -> {
                    return true;
                }
                default -> {
                }
            }
        }
        return false;
    }

    /**
     * The leftmost match of {@link #INITIAL} where inline markup may start: the pattern is tried only at those
     * positions (after whitespace or punctuation), and only where a construct can begin.
     */
    private static boolean findStart(Matcher m, String text) {
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        for (int at = 0; at < text.length(); at++) {
            if (startAllowed(text, at) && mayStartConstruct(text, at)) {
                m.region(at, text.length());
                if (m.lookingAt()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A start-string, a role, a footnote bracket, or a name with an underscore in or after it (a reference needs
     * one): anything else cannot start inline markup.
     */
    private static boolean mayStartConstruct(String text, int at) {
        char c = text.charAt(at);
        if (c == '*' || c == '`' || c == '|' || c == '[' || c == ':' || c == '_') {
            return true;
        }
        for (int i = at; i < text.length(); i++) {
            char d = text.charAt(i);
            if (d == '_') {
                return true;
            }
            boolean separator = d == '-' || d == '.' || d == '+' || d == ':';
            if (!separator && (Py.isSpace(d) || (d < 0x80 && Body.PUNCTUATION_7BIT.indexOf(d) >= 0) || d == 0)) {
                return false;
            }
        }
        return false;
    }

    /**
     * {@code pattern.search(text)} for an end pattern: its match starts at a {@code first} character (after
     * zero-width checks), so only those positions are tried.
     */
    private static Matcher search(Pattern pattern, String text, char first) {
        Matcher m = pattern.matcher(text);
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
            m.region(i, text.length());
            if (m.lookingAt()) {
                return m;
            }
        }
        return null;
    }

    /** Start of text, or after whitespace, an opening bracket or quote, or a delimiter. */
    private static boolean startAllowed(String text, int at) {
        if (at == 0) {
            return true;
        }
        int before = text.codePointBefore(at);
        return Py.isSpace(before) || MAY_PRECEDE_START.get(before);
    }

    private static List<Node> implicitInline(String text) {
        return text.isEmpty() ? List.of() : List.of(Node.text(text));
    }

    private Result dispatch(Matcher m, String string) {
        String start = m.group("start");
        if (start != null) {
            return switch (start) {
                case "**" -> inlineObject(m, string, STRONG, NodeType.STRONG, false, "strong").result;
                case "*" -> inlineObject(m, string, EMPHASIS, NodeType.EMPHASIS, false, "emphasis").result;
                case "``" -> inlineObject(m, string, LITERAL, NodeType.LITERAL, true, "literal").result;
                case "_`" -> internalTarget(m, string);
                default -> substitutionReference(m, string);
            };
        }
        if (m.group("backquote") != null) {
            return interpretedOrPhraseRef(m, string);
        }
        if (m.group("refend") != null) {
            return reference(m, string, m.group("refend").equals("__"));
        }
        return footnoteReference(m, string);
    }

    /** Where, in the original text, {@code remaining} (a suffix of it) is at {@code index}. */
    private Memo.Position positionAt(String remaining, int index) {
        int offset = original.length() - remaining.length() + index;
        int newlines = 0;
        for (int i = 0; i < offset && i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                newlines++;
            }
        }
        int abs = lineno + newlines;
        return machine != null ? machine.sourceAndLine(abs) : memo.position(abs);
    }

    /** Markup start-string between matching quotes or brackets, like {@code "*"}: not markup. */
    private static boolean quotedStart(Matcher m, String string) {
        int start = m.start();
        if (start == 0) {
            return false;
        }
        int prestart = string.codePointBefore(start);
        if (m.end() >= string.length()) {
            return true;
        }
        return matchChars(prestart, string.codePointAt(m.end()));
    }

    static boolean matchChars(int opener, int closer) {
        int i = UnicodeTables.OPENERS.indexOf(new String(Character.toChars(opener)));
        if (i < 0) {
            return false;
        }
        int closerAt = UnicodeTables.CLOSERS.codePointAt(UnicodeTables.CLOSERS.offsetByCodePoints(0,
                UnicodeTables.OPENERS.codePointCount(0, i)));
        return closer == closerAt || UnicodeTables.extraClosers(opener).indexOf(closer) >= 0;
    }

    private record InlineObject(Result result, String endString) {
    }

    private InlineObject inlineObject(Matcher m, String string, Pattern endPattern, NodeType type,
                                      boolean restoreBackslashes, String nodeName) {
        int matchStart = m.start("start");
        int matchEnd = m.end("start");
        if (quotedStart(m, string)) {
            return new InlineObject(new Result(string.substring(0, matchEnd), List.of(), string.substring(matchEnd)),
                    "");
        }
        String rest = string.substring(matchEnd);
        Matcher end = search(endPattern, rest, string.charAt(matchEnd - 1));
        if (end != null && end.start(1) > 0) {
            String text = rest.substring(0, end.start(1));
            if (restoreBackslashes) {
                text = unescape(text, true);
            }
            int textEnd = matchEnd + end.end(1);
            String rawsource = unescape(string.substring(matchStart, textEnd), true);
            Node node = Node.withText(type, rawsource, text);
            return new InlineObject(new Result(string.substring(0, matchStart), List.of(node),
                    string.substring(textEnd)), end.group(1));
        }
        messages.add(memo.reportAt(Memo.WARNING, "inline-markup", "Inline " + nodeName
                + " start-string without end-string.", positionAt(string, matchStart)));
        String text = unescape(string.substring(matchStart, matchEnd), true);
        Node problematic = Node.withText(NodeType.PROBLEMATIC, text, text);
        return new InlineObject(new Result(string.substring(0, matchStart), List.of(problematic),
                string.substring(matchEnd)), "");
    }

    private Result internalTarget(Matcher m, String string) {
        Memo.Position at = positionAt(string, m.start("start"));
        InlineObject o = inlineObject(m, string, TARGET, NodeType.TARGET, false, "target");
        if (!o.result.nodes.isEmpty() && o.result.nodes.get(0).is(NodeType.TARGET)) {
            Node target = o.result.nodes.get(0);
            String name = Names.fullyNormalize(target.astext());
            target.names().add(name);
            memo.noteExplicitTarget(name, at, null);
        }
        return o.result;
    }

    private Result substitutionReference(Matcher m, String string) {
        InlineObject o = inlineObject(m, string, SUBSTITUTION_REF, NodeType.SUBSTITUTION_REFERENCE, false,
                "substitution_reference");
        List<Node> inlines = o.result.nodes;
        if (inlines.size() == 1 && inlines.get(0).is(NodeType.SUBSTITUTION_REFERENCE)) {
            Node ref = inlines.get(0);
            memo.substitutionReferenced = true;
            String refText = ref.astext();
            ref.set("refname", Names.whitespaceNormalize(refText));
            if (o.endString.endsWith("_")) {
                Node reference = new Node(NodeType.REFERENCE, "|" + refText + o.endString);
                if (o.endString.endsWith("__")) {
                    reference.set("anonymous", 1);
                } else {
                    reference.set("refname", Names.fullyNormalize(refText));
                    memo.namedReferences.add(reference);
                }
                reference.append(ref);
                inlines = List.of(reference);
            }
        }
        return new Result(o.result.before, inlines, o.result.remaining);
    }

    private Result interpretedOrPhraseRef(Matcher m, String string) {
        int matchStart = m.start("backquote");
        int matchEnd = m.end("backquote");
        int roleStart = m.start("role");
        String role = m.group("role");
        String position = "";
        if (!role.isEmpty()) {
            role = role.substring(1, role.length() - 1);
            position = "prefix";
        } else if (quotedStart(m, string)) {
            return new Result(string.substring(0, matchEnd), List.of(), string.substring(matchEnd));
        }
        String rest = string.substring(matchEnd);
        Matcher end = search(INTERPRETED_OR_PHRASE_REF, rest, '`');
        if (end != null && end.start(1) > 0) {
            int textEnd = matchEnd + end.end();
            if (end.group("role") != null) {
                if (!role.isEmpty()) {
                    return problem(string, roleStart, textEnd, "Multiple roles in interpreted text (both prefix and "
                            + "suffix present; only one allowed).");
                }
                role = end.group("suffix").substring(1, end.group("suffix").length() - 1);
                position = "suffix";
            }
            String escaped = rest.substring(0, end.start(1));
            String rawsource = unescape(string.substring(matchStart, textEnd), true);
            if (rawsource.endsWith("_")) {
                if (!role.isEmpty()) {
                    return problem(string, roleStart, textEnd, "Mismatch: both interpreted text role " + position
                            + " and reference suffix.");
                }
                return phraseRef(string.substring(0, matchStart), string.substring(textEnd), rawsource, escaped,
                        positionAt(string, matchStart));
            }
            rawsource = unescape(string.substring(roleStart, textEnd), true);
            List<Node> nodes = interpreted(rawsource, escaped, role, positionAt(string, roleStart));
            return new Result(string.substring(0, roleStart), nodes, string.substring(textEnd));
        }
        messages.add(memo.reportAt(Memo.WARNING, "inline-markup", "Inline interpreted text or phrase reference "
                + "start-string without end-string.", positionAt(string, matchStart)));
        String text = unescape(string.substring(matchStart, matchEnd), true);
        return new Result(string.substring(0, matchStart), List.of(Node.withText(NodeType.PROBLEMATIC, text, text)),
                string.substring(matchEnd));
    }

    private Result problem(String string, int from, int to, String message) {
        messages.add(memo.reportAt(Memo.WARNING, "inline-markup", message, positionAt(string, from)));
        String text = unescape(string.substring(from, to), true);
        return new Result(string.substring(0, from), List.of(Node.withText(NodeType.PROBLEMATIC, text, text)),
                string.substring(to));
    }

    private Result phraseRef(String before, String after, String rawsource, String escaped, Memo.Position at) {
        Matcher link = EMBEDDED_LINK.matcher(escaped);
        String text;
        String unescaped;
        String aliasType = null;
        String alias = null;
        if (link.find()) {
            text = escaped.substring(0, link.start(0));
            unescaped = unescape(text, false);
            String aliasText = link.group(2);
            String rawAliasText = unescape(aliasText, true);
            boolean underscoreEscaped = rawAliasText.endsWith("\\_");
            if (aliasText.endsWith("_") && !(underscoreEscaped || URI_SCHEME.matcher(aliasText).lookingAt())) {
                aliasType = "name";
                alias = Names.fullyNormalize(unescape(aliasText.substring(0, aliasText.length() - 1), false));
            } else {
                aliasType = "uri";
                List<String> parts = new ArrayList<>();
                for (String part : splitEscapedWhitespace(aliasText)) {
                    parts.add(String.join("", Py.split(part)));
                }
                alias = unescape(String.join(" ", parts), false);
            }
            if (text.isEmpty()) {
                text = alias;
                unescaped = unescape(text, false);
            }
        } else {
            text = escaped;
            unescaped = unescape(text, false);
        }
        String refname = Names.fullyNormalize(unescaped);
        Node reference = Node.withText(NodeType.REFERENCE, rawsource, text);
        List<Node> nodes = new ArrayList<>();
        nodes.add(reference);
        if (rawsource.endsWith("__")) {
            if ("name".equals(aliasType)) {
                reference.set("refname", alias);
                memo.namedReferences.add(reference);
                memo.noteReference("name", alias, rawsource, at);
            } else if ("uri".equals(aliasType)) {
                reference.set("refuri", alias);
            } else {
                reference.set("anonymous", 1);
            }
        } else if (aliasType != null) {
            Node target = new Node(NodeType.TARGET, link.group(1));
            target.names().add(refname);
            if (aliasType.equals("name")) {
                reference.set("refname", alias);
                memo.namedReferences.add(reference);
                memo.noteReference("name", alias, rawsource, at);
            } else {
                reference.set("refuri", alias);
                memo.noteExplicitTarget(refname, at, alias);
            }
            nodes.add(target);
        } else {
            reference.set("refname", refname);
            memo.namedReferences.add(reference);
            memo.noteReference("name", refname, rawsource, at);
        }
        return new Result(before, nodes, after);
    }

    private List<Node> interpreted(String rawsource, String text, String role, Memo.Position at) {
        String name = role.toLowerCase(Locale.ROOT);
        String unescaped = unescape(text, false);
        if (name.isEmpty() || TEXT_ROLES.contains(name) || customRoles.contains(name)) {
            return List.of(Node.withText(NodeType.TITLE_REFERENCE, rawsource, unescaped));
        }
        if (EXTLINK_ROLES.contains(name) || GENERIC_ROLES.contains(name)) {
            Matcher m = TITLE_TARGET.matcher(unescaped);
            String title = m.matches() ? m.group(1) : unescaped;
            String target = m.matches() ? m.group(2) : unescaped;
            if (name.equals("ref")) {
                memo.noteReference("ref", target.toLowerCase(Locale.ROOT), rawsource, at);
            } else if (name.equals("lab") || name.equals("lab_anchor")) {
                memo.noteReference("lab", target, rawsource, at);
            }
            return List.of(Node.withText(EXTLINK_ROLES.contains(name) ? NodeType.REFERENCE : NodeType.LITERAL,
                    rawsource, title));
        }
        messages.add(memo.reportAt(Memo.ERROR, "inline-markup", "Unknown interpreted text role \"" + role + "\".",
                at));
        return List.of(Node.withText(NodeType.PROBLEMATIC, rawsource, rawsource));
    }

    /** The system messages the parses produced since the last call, for the caller to place. */
    List<Node> takeMessages() {
        if (messages.isEmpty()) {
            return List.of();
        }
        List<Node> out = List.copyOf(messages);
        messages.clear();
        return out;
    }

    /** A role the document defined with the {@code role} directive. */
    void defineRole(String name) {
        customRoles.add(name.toLowerCase(Locale.ROOT));
    }

    private Result reference(Matcher m, String string, boolean anonymous) {
        String referenceName = m.group("refname");
        String refname = Names.fullyNormalize(referenceName);
        Node reference = Node.withText(NodeType.REFERENCE, referenceName + m.group("refend"), referenceName);
        if (anonymous) {
            reference.set("anonymous", 1);
        } else {
            reference.set("refname", refname);
            memo.namedReferences.add(reference);
            memo.noteReference("name", refname, referenceName + "_", positionAt(string, m.start("whole")));
        }
        return new Result(string.substring(0, m.start("whole")), List.of(reference),
                string.substring(m.end("whole")));
    }

    private Result footnoteReference(Matcher m, String string) {
        String label = m.group("footnotelabel");
        String refname = Names.fullyNormalize(label);
        Node ref;
        if (m.group("citationlabel") != null) {
            ref = Node.withText(NodeType.CITATION_REFERENCE, "[" + label + "]_", label);
            ref.set("refname", refname);
        } else {
            ref = new Node(NodeType.FOOTNOTE_REFERENCE, "[" + label + "]_");
            if (refname.startsWith("#")) {
                refname = refname.substring(1);
                ref.set("auto", 1);
            } else if (refname.equals("*")) {
                refname = "";
                ref.set("auto", "*");
            } else {
                ref.append(Node.text(label));
            }
            if (!refname.isEmpty()) {
                ref.set("refname", refname);
            }
        }
        return new Result(string.substring(0, m.start("whole")), List.of(ref), string.substring(m.end("whole")));
    }

    // ------------------------------------------------------------------ escapes

    /** Backslash escapes become NUL + the escaped character (docutils' {@code escape2null}). */
    static String escape2null(String text) {
        int found = text.indexOf('\\');
        if (found < 0) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int start = 0;
        while (found >= 0) {
            b.append(text, start, found).append('\0');
            if (found + 1 < text.length()) {
                b.append(text.charAt(found + 1));
            }
            start = found + 2;
            found = start < text.length() ? text.indexOf('\\', start) : -1;
        }
        if (start < text.length()) {
            b.append(text, start, text.length());
        }
        return b.toString();
    }

    /** Remove escapes (NUL + space / newline vanish), or turn them back into backslashes. */
    static String unescape(String text, boolean restoreBackslashes) {
        if (text.indexOf('\0') < 0) {
            return text;
        }
        if (restoreBackslashes) {
            return text.replace('\0', '\\');
        }
        return text.replace("\0 ", "").replace("\0\n", "").replace("\0", "");
    }

    /** docutils' {@code split_escaped_whitespace}. */
    static List<String> splitEscapedWhitespace(String text) {
        List<String> out = new ArrayList<>();
        for (String s : text.split("\0 ", -1)) {
            out.addAll(List.of(s.split("\0\n", -1)));
        }
        return out;
    }
}
