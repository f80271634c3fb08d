package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;
import org.junit.jupiter.api.Test;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The inline parser's hand-written scanners against the patterns they stand for: docutils' inline patterns as Java
 * regexes (compiled with {@code UNICODE_CHARACTER_CLASS}, as the reader once used them). The character classes are
 * compared over every code point; the scanners over random texts made of the characters that matter to inline
 * markup (start- and end-strings, name characters and separators, brackets and quotes, whitespace, escapes' NUL,
 * a letter outside the BMP), each at every offset.
 */
class InlinerScannerTest {

    private static final int FLAGS = Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL;
    private static final String SIMPLENAME = Inliner.SIMPLENAME;
    private static final String END_SUFFIX = "($|(?=\\s|[\\x00" + UnicodeTables.CLOSING_DELIMITERS
            + "]|(?![\\p{L}\\p{N}])[" + UnicodeTables.DELIMITERS + UnicodeTables.CLOSERS + "]))";
    /** docutils' initial pattern without its start-string prefix (the scanner tests that separately). */
    private static final Pattern INITIAL = Pattern.compile("(?<initialinline>"
            + "(?<start>\\*\\*|\\*(?!\\*)|``|_`|\\|(?!\\|))(?!\\s)"
            + "|(?<whole>(?<refname>" + SIMPLENAME + ")(?<refend>__?)|\\[(?<footnotelabel>[0-9]+|\\#("
            + SIMPLENAME + ")?|\\*|(?<citationlabel>" + SIMPLENAME + "))(?<fnend>\\]_))" + END_SUFFIX
            + "|(?<role>(:" + SIMPLENAME + ":)?)(?<backquote>`(?!`))(?!\\s)"
            + ")", FLAGS);
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\s\\x00])(\\*)" + END_SUFFIX, FLAGS);
    private static final Pattern STRONG = Pattern.compile("(?<![\\s\\x00])(\\*\\*)" + END_SUFFIX, FLAGS);
    private static final Pattern LITERAL = Pattern.compile("(?<!\\s)(``)" + END_SUFFIX, FLAGS);
    private static final Pattern TARGET = Pattern.compile("(?<![\\s\\x00])(`)" + END_SUFFIX, FLAGS);
    private static final Pattern SUBSTITUTION_REF = Pattern.compile("(?<![\\s\\x00])(\\|_{0,2})" + END_SUFFIX,
            FLAGS);
    private static final Pattern INTERPRETED_OR_PHRASE_REF = Pattern.compile(
            "(?<!(?<!\\x00)[\\s\\x00])(`(?<suffix>(?<role>:" + SIMPLENAME + ":)?(?<refend>__?)?))" + END_SUFFIX,
            FLAGS);
    private static final BitSet MAY_PRECEDE_START = UnicodeTables.classMembers(UnicodeTables.OPENERS
            + UnicodeTables.DELIMITERS);

    /** What inline markup is made of, and its neighbours (among them a letter outside the BMP). */
    private static final List<String> PIECES = List.of("*", "*", "`", "`", "_", "_", "|", "[", "]", ":", "#", "\0",
            " ", "\n", "a", "b", "Z", "1", "2", "é", "-", ".", "+", "(", ")", "\"", "'", "\u2019", "\u00bb", ",", "!",
            "<", ">", "/", "\u2010", "\u00a0", "\u001c", "\u0301", "\u00b2", "\ud835\udc00",
            // and pieces that make roles, labels and references likely
            ":ab:", ":a:b:", ":x-y:", "]_", "__", "[#", "[*", "[12", " <", "\0<", "\0>", "\t", "\r", "\u2028", "\u0085");
    private static final int TEXTS = 60_000;

    @Test
    void spaceIsTheRegexSpaceForEveryCodePoint() {
        sameForEveryCodePoint(Pattern.compile("\\s", FLAGS), UnicodeTables::isPatternSpace);
    }

    @Test
    void nameCharactersAreTheRegexWordCharactersButTheUnderscoreForEveryCodePoint() {
        sameForEveryCodePoint(Pattern.compile("[^\\W_]", FLAGS), UnicodeTables::isNameChar);
    }

    @Test
    void markupMayEndBeforeWhatTheEndSuffixAcceptsForEveryCodePoint() {
        Matcher m = Pattern.compile(END_SUFFIX, FLAGS).matcher("");
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String text = Character.toString(c) + "x";
            if (m.reset(text).lookingAt() != UnicodeTables.mayEndBefore(text, 0)) {
                fail("end-string suffix before U+" + Integer.toHexString(c));
            }
        }
        assertTrue(UnicodeTables.mayEndBefore("ab", 2), "end of text");
    }

    @Test
    void findStartFindsWhatTheInitialPatternFinds() {
        Random random = new Random(7);
        Matcher m = INITIAL.matcher("");
        m.useTransparentBounds(true);
        m.useAnchoringBounds(false);
        int found = 0;
        for (int t = 0; t < TEXTS; t++) {
            String text = randomText(random);
            String expected = describe(regexStart(m, text));
            Inliner.Opening opening = Inliner.findStart(text);
            assertEquals(expected, describe(opening), () -> "initial pattern in " + show(text));
            found += opening != null ? 1 : 0;
        }
        assertTrue(found > TEXTS / 4, "the random texts hold markup often enough to test the scanner: " + found);
    }

    @Test
    void endStringsAreFoundWhereTheirPatternsFindThem() {
        Random random = new Random(11);
        List<Object[]> cases = List.of(new Object[]{EMPHASIS, Inliner.EMPHASIS}, new Object[]{STRONG, Inliner.STRONG},
                new Object[]{LITERAL, Inliner.LITERAL}, new Object[]{TARGET, Inliner.TARGET},
                new Object[]{SUBSTITUTION_REF, Inliner.SUBSTITUTION_REF});
        int found = 0;
        for (int t = 0; t < TEXTS; t++) {
            String text = randomText(random);
            for (Object[] c : cases) {
                Matcher m = ((Pattern) c[0]).matcher("");
                Inliner.EndString scanner = (Inliner.EndString) c[1];
                for (int from = 0; from <= text.length(); from++) {
                    m.reset(text.substring(from));
                    String expected = m.find() ? (from + m.start(1)) + ".." + (from + m.end(1)) : "none";
                    Inliner.Span span = scanner.find(text, from);
                    String actual = span == null ? "none" : span.start() + ".." + span.end();
                    int at = from;
                    assertEquals(expected, actual, () -> c[0] + " from " + at + " in " + show(text));
                    found += span != null ? 1 : 0;
                }
            }
        }
        assertTrue(found > TEXTS, "end-strings found often enough to test the scanners: " + found);
    }

    @Test
    void interpretedTextEndsWhereItsPatternFindsIt() {
        Random random = new Random(13);
        Matcher m = INTERPRETED_OR_PHRASE_REF.matcher("");
        int withRole = 0;
        for (int t = 0; t < TEXTS; t++) {
            String text = randomText(random);
            for (int from = 0; from <= text.length(); from++) {
                m.reset(text.substring(from));
                String expected = "none";
                if (m.find()) {
                    int roleEnd = m.group("role") == null ? -1 : from + m.end("role");
                    expected = (from + m.start(1)) + " " + roleEnd + " " + (from + m.end());
                }
                Inliner.InterpretedEnd end = Inliner.findInterpretedEnd(text, from);
                String actual = end == null ? "none" : end.backquote() + " " + end.roleEnd() + " " + end.end();
                int at = from;
                assertEquals(expected, actual, () -> "interpreted end from " + at + " in " + show(text));
                withRole += end != null && end.roleEnd() >= 0 ? 1 : 0;
            }
        }
        assertTrue(withRole > 100, "role suffixes found often enough to test the scanner: " + withRole);
    }

    @Test
    void titleAndTargetAreWhatSphinxsPatternCuts() {
        Pattern titleTarget = Pattern.compile("^(.+?)\\s*<([^<>]*)>$", Pattern.DOTALL);
        Random random = new Random(17);
        int found = 0;
        for (int t = 0; t < TEXTS; t++) {
            String text = randomText(random);
            Matcher m = titleTarget.matcher(text);
            String expected = m.matches() ? m.group(1) + "|" + m.group(2) : "none";
            int open = Inliner.targetOpening(text);
            String actual = open < 0 ? "none"
                    : text.substring(0, Inliner.titleEnd(text, open)) + "|" + text.substring(open + 1, text.length() - 1);
            assertEquals(expected, actual, () -> "title and target of " + show(text));
            found += open >= 0 ? 1 : 0;
        }
        assertTrue(found > 100, "titles with targets found often enough to test the scanner: " + found);
    }

    @Test
    void embeddedLinksAreFoundWhereTheirPatternFindsThem() {
        Pattern embeddedLink = Pattern.compile("((?:[ \\n]+|^)<(?!\\s)(([^<>]|\\x00[<>])+)(?<![\\s\\x00])>)$", FLAGS);
        Random random = new Random(23);
        int found = 0;
        for (int t = 0; t < TEXTS * 2; t++) {
            String text = randomText(random) + (t % 2 == 0 ? ">" : "");
            Matcher m = embeddedLink.matcher(text);
            String expected = m.find() ? m.start() + " " + m.group(1) + " " + m.group(2) : "none";
            Inliner.EmbeddedLink link = Inliner.embeddedLink(text);
            String actual = link == null ? "none" : link.start() + " " + text.substring(link.start(), link.close() + 1)
                    + " " + text.substring(link.open() + 1, link.close());
            assertEquals(expected, actual, () -> "embedded link in " + show(text));
            found += link != null ? 1 : 0;
        }
        assertTrue(found > 100, "embedded links found often enough to test the scanner: " + found);
    }

    @Test
    void escapedWhitespaceSplitsAsPythonsSplitDoes() {
        Random random = new Random(19);
        for (int t = 0; t < TEXTS; t++) {
            String text = randomText(random);
            List<String> expected = new java.util.ArrayList<>();
            for (String part : text.split("\0 ", -1)) {
                expected.addAll(List.of(part.split("\0\n", -1)));
            }
            assertEquals(expected, Inliner.splitEscapedWhitespace(text), () -> "split " + show(text));
        }
    }

    /** The leftmost match of the initial pattern where inline markup may start, as the reader searched before. */
    private static Matcher regexStart(Matcher m, String text) {
        m.reset(text);
        for (int at = 0; at < text.length(); at++) {
            boolean allowed = at == 0 || Py.isSpace(text.codePointBefore(at))
                    || MAY_PRECEDE_START.get(text.codePointBefore(at));
            if (allowed) {
                m.region(at, text.length());
                if (m.lookingAt()) {
                    return m;
                }
            }
        }
        return null;
    }

    private static String describe(Matcher m) {
        if (m == null) {
            return "none";
        }
        if (m.group("start") != null) {
            return "START " + m.start("start") + " " + m.end("start");
        }
        if (m.group("backquote") != null) {
            return "INTERPRETED " + m.start("role") + " " + m.start("backquote") + " " + m.end("backquote");
        }
        if (m.group("refend") != null) {
            return "REFERENCE " + m.start("whole") + " " + m.end("refname") + " " + m.end("whole");
        }
        return "FOOTNOTE " + m.start("whole") + " " + m.end("footnotelabel") + " " + m.end("whole")
                + (m.group("citationlabel") != null ? " citation" : "");
    }

    private static String describe(Inliner.Opening o) {
        if (o == null) {
            return "none";
        }
        return o.kind() + " " + o.start() + " " + (o.kind() == Inliner.Kind.START ? "" : o.mark() + " ") + o.end()
                + (o.citation() ? " citation" : "");
    }

    private static String randomText(Random random) {
        StringBuilder b = new StringBuilder();
        int pieces = random.nextInt(14);
        for (int i = 0; i < pieces; i++) {
            b.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return b.toString();
    }

    private static String show(String text) {
        return '"' + text.replace("\0", "\\0").replace("\n", "\\n").replace("\r", "\\r") + '"';
    }

    private static void sameForEveryCodePoint(Pattern pattern, java.util.function.IntPredicate scanner) {
        Matcher m = pattern.matcher("");
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (m.reset(Character.toString(c)).matches() != scanner.test(c)) {
                fail(pattern + " and the scanner differ at U+" + Integer.toHexString(c));
            }
        }
    }
}
