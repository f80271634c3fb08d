package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Inline markup (docutils' {@code Inliner}): emphasis, strong, literals, interpreted text and roles, hyperlink
 * references, internal targets, substitution and footnote references. The reader needs it for section titles and
 * parsed-literal blocks (their text is the markup's text) and for the references the structural checks follow.
 * Standalone URIs are left as text: they do not change any text the reader reports.
 */
final class Inliner {

    static final String SIMPLENAME = "(?:(?!_)\\w)+(?:[-._+:](?:(?!_)\\w)+)*";
    // the punctuation tables are regex class bodies already (brackets escaped, ranges written a-b)
    private static final BitSet MAY_PRECEDE_START = UnicodeTables.classMembers(UnicodeTables.OPENERS
            + UnicodeTables.DELIMITERS);
    /*
     * docutils' end-string patterns, each (?<!\s) for literals or (?<![\s\x00]) for the others (an escape cannot
     * precede their end either), then the end-string, then the end-string suffix; a substitution reference ends in
     * \|_{0,2}, the underscores tried greedily.
     */
    static final EndString EMPHASIS = new EndString("*", true, 0);
    static final EndString STRONG = new EndString("**", true, 0);
    static final EndString LITERAL = new EndString("``", false, 0);
    static final EndString TARGET = new EndString("`", true, 0);
    static final EndString SUBSTITUTION_REF = new EndString("|", true, 2);
    private static final Pattern URI_SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9.+-]*:");

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
    /** where the rest of the text being parsed starts: docutils' {@code remaining} is {@code text[base:]} */
    private int base;
    /** newlines[i]: the newlines in the text up to and including index i; made when a position is first asked */
    private int[] newlines;

    Inliner(Memo memo) {
        this.memo = memo;
    }

    /** What a construct gives: the text before it, its nodes, and where in the text the rest starts. */
    private record Result(String before, List<Node> nodes, int end) {
    }

    /** Parse {@code text} (which starts at absolute line {@code lineno}) into inline nodes. */
    List<Node> parse(String text, int lineno, StateMachine sm) {
        if (!mayHoldMarkup(text)) {
            return implicitInline(text);
        }
        // parsing can nest (a substitution's directive inside a paragraph's role): keep the outer position
        StateMachine savedMachine = this.machine;
        int savedLine = this.lineno;
        int savedBase = this.base;
        int[] savedNewlines = this.newlines;
        this.machine = sm;
        this.lineno = lineno;
        String escaped = escape2null(text);
        this.newlines = null;
        // docutils slices the rest of the text off after each construct; a position into the text instead keeps a
        // paragraph of n constructs linear (slicing copied the rest n times)
        this.base = 0;
        int lastUnderscore = escaped.lastIndexOf('_');
        List<Node> processed = new ArrayList<>();
        StringBuilder unprocessed = new StringBuilder();
        try {
            while (base < escaped.length()) {
                Opening opening = findStart(escaped, base, lastUnderscore);
                if (opening == null) {
                    break;
                }
                Result r = dispatch(opening, escaped);
                unprocessed.append(r.before);
                base = r.end;
                if (!r.nodes.isEmpty()) {
                    processed.addAll(implicitInline(unprocessed.toString()));
                    processed.addAll(r.nodes);
                    unprocessed.setLength(0);
                }
            }
            processed.addAll(implicitInline(unprocessed.append(escaped, base, escaped.length()).toString()));
            return processed;
        } finally {
            this.machine = savedMachine;
            this.lineno = savedLine;
            this.base = savedBase;
            this.newlines = savedNewlines;
        }
    }

    /** Every inline construct needs one of these characters; most text has none. */
    private static boolean mayHoldMarkup(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 && (MARKUP_CHARACTERS[c >> 6] >>> c & 1) != 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code * ` _ | [ \} as a bit set of two words: one test per character, no branch per kind. */
    private static final long[] MARKUP_CHARACTERS = asciiSet("*`_|[\\");

    private static long[] asciiSet(String members) {
        long[] set = new long[2];
        for (char c : members.toCharArray()) {
            set[c >> 6] |= 1L << c;
        }
        return set;
    }

    /**
     * What starts inline markup, as docutils' initial pattern finds it: the construct ({@link Kind}) from
     * {@code start} to {@code end}. {@code mark} is where the backquote of interpreted text is (a role prefix spans
     * {@code start..mark}), where the underscores of a reference start, or where the closing bracket of a footnote's
     * label is; {@code citation} tells a bracketed label that is a name from a footnote's.
     */
    record Opening(Kind kind, int start, int mark, int end, boolean citation) {
    }

    /** The alternatives of docutils' initial pattern. */
    enum Kind {
        /** A start-string: {@code **}, {@code *}, {@code ``}, {@code _`} or {@code |}. */
        START,
        /** A backquote, maybe after a role prefix {@code :name:}. */
        INTERPRETED,
        /** {@code name_} or {@code name__}. */
        REFERENCE,
        /** {@code [label]_}: a footnote or citation reference. */
        FOOTNOTE
    }

    /**
     * The leftmost match of docutils' initial pattern: it may start only at the start of the text or after
     * whitespace, an opening bracket or quote, or a delimiter, so only those positions are tried.
     */
    static Opening findStart(String text) {
        return findStart(text, 0, text.lastIndexOf('_'));
    }

    /**
     * As {@link #findStart(String)} in the rest of {@code text} from {@code from}, which counts as a start of text.
     * {@code lastUnderscore}: a reference ends in an underscore; where none follows, a name starts nothing (most words).
     */
    private static Opening findStart(String text, int from, int lastUnderscore) {
        for (int at = from; at < text.length(); at++) {
            if (at == from || startAllowed(text, at)) {
                Opening opening = openingAt(text, at, at < lastUnderscore);
                if (opening != null) {
                    return opening;
                }
            }
        }
        return null;
    }

    /**
     * docutils' initial pattern (without its start-string prefix) anchored at {@code at}, written out:
     * <pre>
     * (?&lt;start&gt;\*\*|\*(?!\*)|``|_`|\|(?!\|))(?!\s)
     * | (?&lt;whole&gt;(?&lt;refname&gt;NAME)(?&lt;refend&gt;__?)
     *     | \[(?&lt;footnotelabel&gt;[0-9]+|\#(NAME)?|\*|(?&lt;citationlabel&gt;NAME))(?&lt;fnend&gt;\]_)) END-SUFFIX
     * | (?&lt;role&gt;(:NAME:)?)(?&lt;backquote&gt;`(?!`))(?!\s)
     * </pre>
     * The first character decides which alternative can match ({@code *}, {@code `}, {@code _} and {@code |} only
     * the start-strings and a bare backquote, {@code [} a footnote, {@code :} a role, a name character a
     * reference); none of them backtracks into another.
     */
    private static Opening openingAt(String text, int at, boolean underscoreFollows) {
        int n = text.length();
        char next = at + 1 < n ? text.charAt(at + 1) : 0;
        return switch (text.charAt(at)) {
            // "**" when two stars; a single star is "\*(?!\*)", so a star before a star that cannot start strong
            // emphasis starts nothing
            case '*' -> startString(text, at, next == '*' ? 2 : 1);
            case '`' -> next == '`' ? startString(text, at, 2) : backquote(text, at, at);
            case '_' -> next == '`' ? startString(text, at, 2) : null;
            case '|' -> next == '|' ? null : startString(text, at, 1);
            case '[' -> footnote(text, at);
            case ':' -> role(text, at);
            default -> underscoreFollows && UnicodeTables.isNameChar(text.codePointAt(at)) ? reference(text, at)
                    : null;
        };
    }

    /** A start-string of {@code length} characters at {@code at}, if no whitespace follows it. */
    private static Opening startString(String text, int at, int length) {
        int end = at + length;
        return end < text.length() && UnicodeTables.isPatternSpace(text.charAt(end)) ? null
                : new Opening(Kind.START, at, at, end, false);
    }

    /** {@code `(?!`)(?!\s)} at {@code backquote}, after the role prefix from {@code start}. */
    private static Opening backquote(String text, int start, int backquote) {
        int end = backquote + 1;
        if (end < text.length() && (text.charAt(end) == '`' || UnicodeTables.isPatternSpace(text.charAt(end)))) {
            return null;
        }
        return new Opening(Kind.INTERPRETED, start, backquote, end, false);
    }

    /**
     * {@code :NAME:`}. A name may hold colons, but a shorter role than the longest name would leave a name
     * character, not a backquote, after its colon: only the longest name can be a role.
     */
    private static Opening role(String text, int at) {
        int nameEnd = nameEnd(text, at + 1);
        if (nameEnd == at + 1 || nameEnd + 1 >= text.length() || text.charAt(nameEnd) != ':'
                || text.charAt(nameEnd + 1) != '`') {
            return null;
        }
        return backquote(text, at, nameEnd + 1);
    }

    /** {@code NAME__?} then the end-string suffix; the underscores are tried two, then one. */
    private static Opening reference(String text, int at) {
        int nameEnd = nameEnd(text, at);
        int underscores = underscoresThenEnd(text, nameEnd);
        return underscores > nameEnd ? new Opening(Kind.REFERENCE, at, nameEnd, underscores, false) : null;
    }

    /**
     * {@code __?} (greedy) at {@code at} followed by the end-string suffix: where it ends, or -1. Without
     * underscores ({@code optional}) the suffix may follow directly.
     */
    private static int underscoresThenEnd(String text, int at, boolean optional) {
        int n = text.length();
        if (at + 1 < n && text.charAt(at) == '_' && text.charAt(at + 1) == '_'
                && UnicodeTables.mayEndBefore(text, at + 2)) {
            return at + 2;
        }
        if (at < n && text.charAt(at) == '_' && UnicodeTables.mayEndBefore(text, at + 1)) {
            return at + 1;
        }
        return optional && UnicodeTables.mayEndBefore(text, at) ? at : -1;
    }

    private static int underscoresThenEnd(String text, int at) {
        return underscoresThenEnd(text, at, false);
    }

    /**
     * {@code [label]_} then the end-string suffix. No label holds a closing bracket, so the label ends at the first
     * one; it is a footnote label when all ASCII digits, {@code #} (maybe before a name) or {@code *}, else a
     * citation label when a name.
     */
    private static Opening footnote(String text, int at) {
        int close = text.indexOf(']', at + 1);
        if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != '_'
                || !UnicodeTables.mayEndBefore(text, close + 2)) {
            return null;
        }
        int from = at + 1;
        boolean footnote = from < close && allAsciiDigits(text, from, close)
                || text.charAt(from) == '#' && (from + 1 == close || nameEnd(text, from + 1) == close)
                || text.charAt(from) == '*' && from + 1 == close;
        if (footnote) {
            return new Opening(Kind.FOOTNOTE, at, close, close + 2, false);
        }
        return from < close && nameEnd(text, from) == close ? new Opening(Kind.FOOTNOTE, at, close, close + 2, true)
                : null;
    }

    private static boolean allAsciiDigits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * Where the longest name ({@code [^\W_]++(?:[-._+:][^\W_]++)*+}, docutils' simplename) from {@code from} ends;
     * {@code from} itself when none starts there.
     */
    private static int nameEnd(String text, int from) {
        int end = wordEnd(text, from);
        if (end == from) {
            return from;
        }
        while (end + 1 < text.length() && isNameSeparator(text.charAt(end))) {
            int wordEnd = wordEnd(text, end + 1);
            if (wordEnd == end + 1) {
                break;
            }
            end = wordEnd;
        }
        return end;
    }

    private static int wordEnd(String text, int at) {
        int i = at;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch < 0x80) {
                if (!UnicodeTables.isNameChar(ch)) {
                    break;
                }
                i++;
                continue;
            }
            int c = text.codePointAt(i);
            if (!UnicodeTables.isNameChar(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    private static boolean isNameSeparator(char c) {
        return c == '-' || c == '.' || c == '_' || c == '+' || c == ':';
    }

    /** Where an end-string was found: {@code start..end} (with a substitution reference's underscores). */
    record Span(int start, int end) {
    }

    /**
     * An end-string pattern: the end-string, then up to {@code underscores} underscores (greedy) and the end-string
     * suffix; not after whitespace nor, if {@code escapeBlocks}, after an escape's NUL.
     */
    record EndString(String string, boolean escapeBlocks, int underscores) {

        /** {@code pattern.search(text[from:])}: text before {@code from} is not seen. */
        Span find(String text, int from) {
            for (int i = text.indexOf(string, from); i >= 0; i = text.indexOf(string, i + 1)) {
                if (i > from) {
                    char before = text.charAt(i - 1);
                    if (UnicodeTables.isPatternSpace(before) || (escapeBlocks && before == 0)) {
                        continue;
                    }
                }
                int end = i + string.length();
                int run = 0;
                while (run < underscores && end + run < text.length() && text.charAt(end + run) == '_') {
                    run++;
                }
                for (int u = run; u >= 0; u--) {
                    if (UnicodeTables.mayEndBefore(text, end + u)) {
                        return new Span(i, end + u);
                    }
                }
            }
            return null;
        }
    }

    /** The end of interpreted text or a phrase reference: its backquote, a role suffix (or -1), where it ends. */
    record InterpretedEnd(int backquote, int roleEnd, int end) {
    }

    /**
     * docutils' {@code (?<!(?<!\x00)[\s\x00])(`(?<suffix>(?<role>:NAME:)?(?<refend>__?)?))END-SUFFIX} searched in
     * {@code text[from:]}: the backquote must not follow unescaped whitespace or a NUL; the longest role is tried
     * first, then shorter ones (a name may hold colons), then none, each with two, one and no underscores.
     */
    static InterpretedEnd findInterpretedEnd(String text, int from) {
        int n = text.length();
        for (int i = text.indexOf('`', from); i >= 0; i = text.indexOf('`', i + 1)) {
            if (i > from) {
                char before = text.charAt(i - 1);
                boolean escaped = i - 2 >= from && text.charAt(i - 2) == 0;
                if ((UnicodeTables.isPatternSpace(before) || before == 0) && !escaped) {
                    continue;
                }
            }
            int suffix = i + 1;
            if (suffix < n && text.charAt(suffix) == ':') {
                for (int colon = nameEnd(text, suffix + 1); colon > suffix + 1; colon--) {
                    if (colon < n && text.charAt(colon) == ':') {
                        int end = underscoresThenEnd(text, colon + 1, true);
                        if (end >= 0) {
                            return new InterpretedEnd(i, colon + 1, end);
                        }
                    }
                }
            }
            int end = underscoresThenEnd(text, suffix, true);
            if (end >= 0) {
                return new InterpretedEnd(i, -1, end);
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

    private Result dispatch(Opening o, String string) {
        return switch (o.kind) {
            case START -> switch (string.charAt(o.start)) {
                case '*' -> o.end - o.start == 2
                        ? inlineObject(o, string, STRONG, NodeType.STRONG, false, "strong").result
                        : inlineObject(o, string, EMPHASIS, NodeType.EMPHASIS, false, "emphasis").result;
                case '`' -> inlineObject(o, string, LITERAL, NodeType.LITERAL, true, "literal").result;
                case '_' -> internalTarget(o, string);
                default -> substitutionReference(o, string);
            };
            case INTERPRETED -> interpretedOrPhraseRef(o, string);
            case REFERENCE -> reference(o, string);
            case FOOTNOTE -> footnoteReference(o, string);
        };
    }

    /** Where index {@code index} of the text being parsed is. */
    private Memo.Position positionAt(String text, int index) {
        if (newlines == null) {
            newlines = text.chars().map(c -> c == '\n' ? 1 : 0).toArray();
            Arrays.parallelPrefix(newlines, Integer::sum);
        }
        int abs = lineno + (index <= 0 ? 0 : newlines[Math.min(index, newlines.length) - 1]);
        return machine != null ? machine.sourceAndLine(abs) : memo.position(abs);
    }

    /** Markup start-string between matching quotes or brackets, like {@code "*"}: not markup. */
    private boolean quotedStart(Opening o, String string) {
        int start = o.start;
        if (start == base) {
            return false;
        }
        int prestart = string.codePointBefore(start);
        if (o.end >= string.length()) {
            return true;
        }
        return matchChars(prestart, string.codePointAt(o.end));
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

    private InlineObject inlineObject(Opening o, String string, EndString endString, NodeType type,
                                      boolean restoreBackslashes, String nodeName) {
        int matchStart = o.start;
        int matchEnd = o.end;
        if (quotedStart(o, string)) {
            return new InlineObject(new Result(string.substring(base, matchEnd), List.of(), matchEnd),
                    "");
        }
        Span end = endString.find(string, matchEnd);
        if (end != null && end.start > matchEnd) {
            String text = string.substring(matchEnd, end.start);
            if (restoreBackslashes) {
                text = unescape(text, true);
            }
            int textEnd = end.end;
            String rawsource = unescape(string.substring(matchStart, textEnd), true);
            Node node = Node.withText(type, rawsource, text);
            return new InlineObject(new Result(string.substring(base, matchStart), List.of(node), textEnd),
                    string.substring(end.start, textEnd));
        }
        messages.add(memo.reportAt(Memo.WARNING, "inline-markup", "Inline " + nodeName
                + " start-string without end-string.", positionAt(string, matchStart)));
        String text = unescape(string.substring(matchStart, matchEnd), true);
        Node problematic = Node.withText(NodeType.PROBLEMATIC, text, text);
        return new InlineObject(new Result(string.substring(base, matchStart), List.of(problematic), matchEnd), "");
    }

    private Result internalTarget(Opening opening, String string) {
        Memo.Position at = positionAt(string, opening.start);
        InlineObject o = inlineObject(opening, string, TARGET, NodeType.TARGET, false, "target");
        if (!o.result.nodes.isEmpty() && o.result.nodes.get(0).is(NodeType.TARGET)) {
            Node target = o.result.nodes.get(0);
            String name = Names.fullyNormalize(target.astext());
            target.names().add(name);
            memo.noteExplicitTarget(name, at, null);
        }
        return o.result;
    }

    private Result substitutionReference(Opening opening, String string) {
        InlineObject o = inlineObject(opening, string, SUBSTITUTION_REF, NodeType.SUBSTITUTION_REFERENCE, false,
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
        return new Result(o.result.before, inlines, o.result.end);
    }

    private Result interpretedOrPhraseRef(Opening o, String string) {
        int matchStart = o.mark;
        int matchEnd = o.end;
        int roleStart = o.start;
        String role = string.substring(roleStart, matchStart);
        String position = "";
        if (!role.isEmpty()) {
            role = role.substring(1, role.length() - 1);
            position = "prefix";
        } else if (quotedStart(o, string)) {
            return new Result(string.substring(base, matchEnd), List.of(), matchEnd);
        }
        InterpretedEnd end = findInterpretedEnd(string, matchEnd);
        if (end != null && end.backquote > matchEnd) {
            int textEnd = end.end;
            if (end.roleEnd >= 0) {
                if (!role.isEmpty()) {
                    return problem(string, roleStart, textEnd, "Multiple roles in interpreted text (both prefix and "
                            + "suffix present; only one allowed).");
                }
                // docutils takes suffix[1:-1], the suffix's underscores included
                role = string.substring(end.backquote + 2, textEnd - 1);
                position = "suffix";
            }
            String escaped = string.substring(matchEnd, end.backquote);
            String rawsource = unescape(string.substring(matchStart, textEnd), true);
            if (rawsource.endsWith("_")) {
                if (!role.isEmpty()) {
                    return problem(string, roleStart, textEnd, "Mismatch: both interpreted text role " + position
                            + " and reference suffix.");
                }
                return phraseRef(string.substring(base, matchStart), textEnd, rawsource, escaped,
                        positionAt(string, matchStart));
            }
            rawsource = unescape(string.substring(roleStart, textEnd), true);
            List<Node> nodes = interpreted(rawsource, escaped, role, positionAt(string, roleStart));
            return new Result(string.substring(base, roleStart), nodes, textEnd);
        }
        messages.add(memo.reportAt(Memo.WARNING, "inline-markup", "Inline interpreted text or phrase reference "
                + "start-string without end-string.", positionAt(string, matchStart)));
        String text = unescape(string.substring(matchStart, matchEnd), true);
        return new Result(string.substring(base, matchStart), List.of(Node.withText(NodeType.PROBLEMATIC, text, text)),
                matchEnd);
    }

    private Result problem(String string, int from, int to, String message) {
        messages.add(memo.reportAt(Memo.WARNING, "inline-markup", message, positionAt(string, from)));
        String text = unescape(string.substring(from, to), true);
        return new Result(string.substring(base, from), List.of(Node.withText(NodeType.PROBLEMATIC, text, text)),
                to);
    }

    /** An embedded URI or alias {@code <...>} at the end of a phrase reference, and the spaces before it. */
    record EmbeddedLink(int start, int open, int close) {
    }

    /**
     * docutils' {@code ((?:[ \n]+|^)<(?!\s)(([^<>]|\x00[<>])+)(?<![\s\x00])>)$} searched in {@code text}. The
     * {@code <} ends a run of spaces and newlines (the match starts with the run) or starts the text; the content
     * runs to the first angle bracket not escaped by a NUL (one that is could not close: the look-behind), which
     * must be the closing {@code >}, then the end ({@link #endsAt}). Each run leads to one {@code <}, so the first
     * run that does is the leftmost match.
     */
    static EmbeddedLink embeddedLink(String text) {
        int n = text.length();
        for (int start = 0; start < n; start++) {
            char c = text.charAt(start);
            if (start > 0 && c != ' ' && c != '\n') {
                continue;
            }
            int open = start;
            while (open < n && (text.charAt(open) == ' ' || text.charAt(open) == '\n')) {
                open++;
            }
            EmbeddedLink link = linkAt(text, start, open);
            if (link != null) {
                return link;
            }
            start = Math.max(start, open - 1); // the rest of the run leads to the same <
        }
        return null;
    }

    private static EmbeddedLink linkAt(String text, int start, int open) {
        int n = text.length();
        if (open + 1 >= n || text.charAt(open) != '<' || UnicodeTables.isPatternSpace(text.charAt(open + 1))) {
            return null;
        }
        int close = open + 1;
        while (close < n) {
            char c = text.charAt(close);
            if ((c == '<' || c == '>') && !(close - 1 > open && text.charAt(close - 1) == 0)) {
                break;
            }
            close++;
        }
        if (close >= n || close < open + 2 || text.charAt(close) != '>') {
            return null;
        }
        char before = text.charAt(close - 1);
        return UnicodeTables.isPatternSpace(before) || before == 0 || !endsAt(text, close + 1) ? null
                : new EmbeddedLink(start, open, close);
    }

    /**
     * {@code $} of a pattern without MULTILINE: the end of the text, or before a line terminator that ends it
     * ({@code \r\n} as one; not between its two characters).
     */
    static boolean endsAt(String text, int at) {
        int n = text.length();
        if (at == n) {
            return true;
        }
        if (at == n - 2) {
            return text.charAt(at) == '\r' && text.charAt(at + 1) == '\n';
        }
        if (at != n - 1) {
            return false;
        }
        char c = text.charAt(at);
        return c == '\n' ? at == 0 || text.charAt(at - 1) != '\r'
                : c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private Result phraseRef(String before, int after, String rawsource, String escaped, Memo.Position at) {
        EmbeddedLink link = embeddedLink(escaped);
        String text;
        String unescaped;
        String aliasType = null;
        String alias = null;
        if (link != null) {
            text = escaped.substring(0, link.start);
            unescaped = unescape(text, false);
            String aliasText = escaped.substring(link.open + 1, link.close);
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
            Node target = new Node(NodeType.TARGET, escaped.substring(link.start, link.close + 1));
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
            int open = targetOpening(unescaped);
            String title = open > 0 ? unescaped.substring(0, titleEnd(unescaped, open)) : unescaped;
            String target = open > 0 ? unescaped.substring(open + 1, unescaped.length() - 1) : unescaped;
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

    /**
     * Sphinx's {@code ^(.+?)\s*<([^<>]*)>$} (DOTALL, ASCII {@code \s}) for "title &lt;target&gt;": where the
     * target's {@code <} is, or -1. The text ends in {@code >}, no angle bracket lies between the two, and the
     * {@code <} is not the first character (the title takes at least one).
     */
    static int targetOpening(String text) {
        int close = text.length() - 1;
        if (close < 0 || text.charAt(close) != '>') {
            return -1;
        }
        int open = close - 1;
        while (open >= 0 && text.charAt(open) != '<' && text.charAt(open) != '>') {
            open--;
        }
        return open >= 1 && text.charAt(open) == '<' ? open : -1;
    }

    /** The end of the reluctant title: the whitespace before the target goes, down to one character. */
    static int titleEnd(String text, int open) {
        int end = open;
        while (end > 1 && isAsciiSpace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    /** {@code \s} of a pattern without {@code UNICODE_CHARACTER_CLASS}. */
    private static boolean isAsciiSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
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

    private Result reference(Opening o, String string) {
        String referenceName = string.substring(o.start, o.mark);
        String refname = Names.fullyNormalize(referenceName);
        Node reference = Node.withText(NodeType.REFERENCE, string.substring(o.start, o.end), referenceName);
        if (o.end - o.mark == 2) {
            reference.set("anonymous", 1);
        } else {
            reference.set("refname", refname);
            memo.namedReferences.add(reference);
            memo.noteReference("name", refname, referenceName + "_", positionAt(string, o.start));
        }
        return new Result(string.substring(base, o.start), List.of(reference), o.end);
    }

    private Result footnoteReference(Opening o, String string) {
        String label = string.substring(o.start + 1, o.mark);
        String refname = Names.fullyNormalize(label);
        Node ref;
        if (o.citation) {
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
        return new Result(string.substring(base, o.start), List.of(ref), o.end);
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
        // text.split("\0 ", -1), then each part split at "\0\n": the same as cutting at either, left to right
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int nul = text.indexOf('\0'); nul >= 0 && nul + 1 < text.length(); nul = text.indexOf('\0', nul + 1)) {
            char escaped = text.charAt(nul + 1);
            if (escaped == ' ' || escaped == '\n') {
                out.add(text.substring(start, nul));
                start = nul + 2;
                nul++;
            }
        }
        out.add(text.substring(start));
        return out;
    }
}
