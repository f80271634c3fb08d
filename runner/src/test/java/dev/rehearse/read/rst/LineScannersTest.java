package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written line tests of the state machine against the regexes they stand in for, over every line of the
 * corpus (as written and with its indent removed, as nested parsers see it) and over lines made to sit on the edges
 * of each pattern: an adornment scan must agree with {@link Body#LINE} exactly, and a transition's prefilter must
 * never turn away a line its regex matches, nor may its table of transitions by first character.
 */
@Tag("conformance")
class LineScannersTest {

    private static final List<String> EDGES = List.of("", " ", "..", ".. ", "...", ".. _x:", "..x", "1.", "1. x",
            "(1) x", "(1)", "1)", "a.", "a. b", "(#) x", "#. x", "#.", "iv. x", "IV) x", "ab.", "a.b. x", "(a. x",
            "x)", "(.", "().", "1.\tx", ":a: b", ":a:", "::", ":: x", ":a", ":ref:`x`", ":ref:`x`: y", ":a\\: b: c",
            ": a: b", ":a :", "-a", "-a b", "--a", "--", "---", "- a", "-", "+a", "+", "/a", "/", "/ a", "-1", "--1",
            "-=", "====", "==== ", "=== ===", "----  ", "- - -", "~~~~", "``", "`` x", "**", "!", "!!!!  x", "\u00a7\u00a7",
            "++++", "+-+-+", "+--+--+", "|", "| x", ">>>", ">>> x", "__", "__ x", "*", "* x", "\u2022 x", "   ", "  x");

    /** Every corpus line, and each again without its leading spaces. */
    private static List<String> lines() throws IOException {
        Path lab = OracleAgreementTest.SHARED.resolve("corpus/lab");
        List<String> lines = new ArrayList<>(EDGES);
        try (Stream<Path> files = Files.walk(lab)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".rst")).toList()) {
                for (String line : Py.splitlines(Files.readString(f, StandardCharsets.UTF_8))) {
                    lines.add(line);
                    lines.add(Py.lstrip(line));
                }
            }
        }
        assertTrue(lines.size() > 10_000, "the corpus has fewer lines than expected: " + lines.size());
        return lines;
    }

    @Test
    void adornmentScanAgreesWithTheLinePattern() throws IOException {
        int adornments = 0;
        for (String line : lines()) {
            boolean regex = Body.LINE.matcher(line).lookingAt();
            assertEquals(regex, Body.isAdornment(line), "line \"" + line + "\"");
            adornments += regex ? 1 : 0;
        }
        assertTrue(adornments > 1000, "too few adornments seen to prove anything: " + adornments);
    }

    private static final List<String> DIRECTIVE_EDGES = List.of(".. a::", ".. a:: x", ".. a ::", ".. a ::  x", ".. a::x",
            ".. a: :", ".. a:b::", ".. a::b::", ".. a:b:: c", ".. a-b.c+d:e:: f", ".. a--b::", ".. a-::", ".. -a::",
            ".. _a::", ".. a_b::", ".. a_::", "..  a::", "..a::", ".. ::", ".. a  ::", ".. \u00fc::", ".. a\u00fc::",
            ".. a-\u00fcb::", ".. \u00e9t\u00e9:: x", ".. a\u0301::", ".. a\u00a0::", ".. a::\u00a0", ".. 1::", ".. a.b.::",
            ".. code-block:: console", ".. code-block::console", ".. note ::", "..");

    @Test
    void directiveScanAgreesWithTheDirectivePattern() throws IOException {
        List<String> lines = new ArrayList<>(DIRECTIVE_EDGES);
        for (String line : lines()) {
            if (line.startsWith("..")) {
                lines.add(line);
            }
        }
        int directives = 0;
        for (String line : lines) {
            Matcher m = Body.DIRECTIVE.matcher(line);
            DirectiveMarker expected = m.lookingAt() ? new DirectiveMarker(m.group(1), m.end()) : null;
            assertEquals(expected, DirectiveMarker.of(line), "line \"" + line + "\"");
            directives += expected == null ? 0 : 1;
        }
        assertTrue(directives > 1000, "too few directives seen to prove anything: " + directives);
    }

    private static final List<String> TARGET_EDGES = List.of("", "_", "_:", "_: x", "__:", "_ :", "_x:", "a:", "a: ",
            "a:  x", "a:x", "a :", "a  :", "a b: c", "a\u0000: x", "a\u0000:: x", "a\u0000:: : x", "a:: x", "a::", "a\t:",
            "a\u000b: x", "a\u001c: x", "a\u00a0: x", "\u00e9: x", "a\u00e9: x", "`a`: x", "`a`:", "`a b`: c", "``: x",
            "` a`: x", "`a `: x", "`a: b`: c", "`a`b`: c", "`a: x", "a`: x", "`", "`a`", "a", ":", ": x", " a: x",
            "a\u0000\u0000: x", "http\u0000://x: y", "a:b: c", "a: b: c", "`a\u00e9`: x", "a\n: x", "a\r: x",
            "a\u2028: x", "a\u0085: x", "`a\u0000`: x", "`a`\u0000: x", "`a`\t: x", "a \u0000: x");

    @Test
    void targetScanAgreesWithTheTargetPattern() throws IOException {
        List<String> texts = new ArrayList<>(TARGET_EDGES);
        for (String line : lines()) {
            if (line.startsWith(".. _")) {
                String escaped = Inliner.escape2null(line.substring(4));
                texts.add(escaped);
                // the name part also sees several lines joined when the first holds no colon
                texts.add(escaped + Inliner.escape2null(line));
            }
        }
        int targets = 0;
        for (String text : texts) {
            Matcher m = Body.TARGET.matcher(text);
            TargetMarker expected = m.lookingAt() ? new TargetMarker(m.group("name"), m.end()) : null;
            assertEquals(expected, TargetMarker.of(text), "text \"" + text + "\"");
            targets += expected == null ? 0 : 1;
        }
        assertTrue(targets > 500, "too few targets seen to prove anything: " + targets);
    }

    @Test
    void prefiltersNeverTurnAwayALineTheirRegexMatches() throws IOException {
        List<String> lines = lines();
        for (Transition t : Body.TRANSITIONS.all()) {
            Pattern pattern = t.pattern();
            int matched = 0;
            int turnedAway = 0;
            for (String line : lines) {
                boolean regex = pattern.matcher(line).lookingAt();
                boolean may = List.of(Body.TRANSITIONS.candidates(line)).contains(t) && t.mayMatch(line);
                assertTrue(may || !regex, t.kind() + " prefilter turns away \"" + line + "\", which its regex matches");
                matched += regex ? 1 : 0;
                turnedAway += may ? 0 : 1;
            }
            System.out.printf("%-16s regex matches %6d lines, prefilter turns away %6d of %d%n", t.kind(), matched,
                    turnedAway, lines.size());
        }
    }
}
