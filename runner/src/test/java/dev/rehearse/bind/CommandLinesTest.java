package dev.rehearse.bind;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@link ShellText#commandLines}: the lines a command takes, found without lexing every longer join again. */
class CommandLinesTest {

    @Test
    void aCompleteFirstLineIsTheWholeCommand() {
        assertEquals(List.of("echo 'a'"), ShellText.commandLines("echo 'a'", List.of("a", "b")));
    }

    @Test
    void continuedLinesAreTakenUntilTheShellHasAll() {
        assertEquals(List.of("createdb \\", "  --owner=x \\", "  db"),
                ShellText.commandLines("createdb \\", List.of("  --owner=x \\  ", "  db", "output")));
        assertEquals(List.of("echo 'one", "two'"), ShellText.commandLines("echo 'one", List.of("two'", "one two")));
        assertEquals(List.of("cat <<EOF > f", "body", "EOF"),
                ShellText.commandLines("cat <<EOF > f", List.of("body", "EOF", "after")));
        assertEquals(List.of("x=$(echo", "a)"), ShellText.commandLines("x=$(echo", List.of("a)", "b")));
    }

    @Test
    void anOpenCompoundCommandOrATrailingOperatorTakesTheLinesBashWaitsFor() {
        assertEquals(List.of("for f in *.txt; do", "  echo \"$f\"", "done"),
                ShellText.commandLines("for f in *.txt; do", List.of("  echo \"$f\"", "done", "a.txt")));
        assertEquals(List.of("while read -r l; do", "  if [ -n \"$l\" ]; then", "    echo \"$l\"", "  fi", "done < f"),
                ShellText.commandLines("while read -r l; do",
                        List.of("  if [ -n \"$l\" ]; then", "    echo \"$l\"", "  fi", "done < f", "x")));
        assertEquals(List.of("case \"$1\" in", "  start) run;;", "  *) usage;;", "esac"),
                ShellText.commandLines("case \"$1\" in", List.of("  start) run;;", "  *) usage;;", "esac", "out")));
        assertEquals(List.of("greet() {", "  echo hi", "}"), ShellText.commandLines("greet() {", List.of("  echo hi", "}", "x")));
        assertEquals(List.of("function greet {", "  echo hi", "}"),
                ShellText.commandLines("function greet {", List.of("  echo hi", "}", "x")));
        assertEquals(List.of("(", "  cd /tmp && ls", ")"), ShellText.commandLines("(", List.of("  cd /tmp && ls", ")", "x")));
        assertEquals(List.of("ls |", "  wc -l"), ShellText.commandLines("ls |", List.of("  wc -l", "3")));
        assertEquals(List.of("make &&", "  make install"), ShellText.commandLines("make &&", List.of("  make install", "x")));
        assertEquals(List.of("test -f a ||", "  touch a"), ShellText.commandLines("test -f a ||", List.of("  touch a", "x")));
        assertEquals(List.of("cmd |&", "  tee log"), ShellText.commandLines("cmd |&", List.of("  tee log", "x")));
    }

    @Test
    void closedCompoundsReservedWordsAsArgumentsAndABackgroundJobEndWithTheirLine() {
        for (String line : List.of("for i in 1 2; do echo $i; done", "if true; then echo y; fi", "{ echo a; echo b; } > f",
                "echo for if while do {", "sleep 1 &", "find . -exec ls {} \\;", "case x in a) echo a;; esac",
                "echo done", "(cd /tmp; ls)", "x=$(for i in 1; do echo; done)", "echo 'if' \"while\" # for")) {
            assertEquals(List.of(line), ShellText.commandLines(line, List.of("next", "lines")), line);
        }
    }

    @Test
    void whyACommandIsOpenIsSaidInTheReadersTerms() {
        assertEquals("an open quote or substitution, or a trailing backslash", ShellText.openBecause("echo 'a"));
        assertEquals("an open quote or substitution, or a trailing backslash", ShellText.openBecause("echo $(date"));
        assertEquals("an open quote or substitution, or a trailing backslash", ShellText.openBecause("ls \\"));
        assertEquals("a here-document without its EOF line", ShellText.openBecause("cat <<EOF > f\nbody"));
        assertEquals("a here-document without its END line", ShellText.openBecause("mysql <<'END'"));
        assertEquals("a for, while, until, if, case or { without its done, fi, esac or }",
                ShellText.openBecause("if true; then\n  echo y"));
        assertEquals("a ( without its )", ShellText.openBecause("(\n  cd /tmp"));
        assertEquals("a line that ends in |, && or ||", ShellText.openBecause("make &&"));
        assertEquals(null, ShellText.openBecause("for i in 1; do echo $i; done | sort"));
    }

    @Test
    void aCommandStillOpenAtTheLastLineTakesThemAll() {
        assertEquals(List.of("echo 'a", "b", "c"), ShellText.commandLines("echo 'a", List.of("b", "c")));
        assertEquals(List.of("echo \\"), ShellText.commandLines("echo \\", List.of()));
    }

    @Test
    void aHereDocumentsDelimiterIsLookedForOnItsOwnLineOnly() {
        // "cat <<" then a newline is no here-document for bash (a syntax error), and so none here either
        assertEquals(List.of("cat <<"), ShellText.commandLines("cat <<", List.of("EOF", "x")));
        // ... also where the lines after it are lexed with it (the third line ends the command)
        assertEquals(List.of("echo 'a", "b", "c' <<"), ShellText.commandLines("echo 'a", List.of("b", "c' <<", "EOF", "d")));
    }

    @Test
    void aCommandOfTensOfThousandsOfLinesIsTakenWhole() {
        List<String> next = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            next.add("  a" + i + " \\");
        }
        next.add("  end");
        next.add("output");
        assertEquals(40_002, ShellText.commandLines("echo \\", next).size());
    }

    /**
     * Against the definition (add a line while the join needs more), on random lines of the characters the lexer
     * decides by: quotes, backslashes, substitutions, here-documents, comments.
     */
    @Test
    void takesWhatAddingALineAtATimeTakes() {
        String[] pieces = {"a", " ", "'", "\"", "\\", "$(", ")", "`", "${", "}", "#", "<<EOF", "<<-'E'", "EOF", "E",
                "\t", ";", "|", "&", "cat <<EOF", "sh -c '", "$'", "<<<", "for x ", "do ", "done", "if ", " then ",
                "fi", "{ ", " }", "case ", "esac", "(", "&&", "||"};
        Random random = new Random(17);
        for (int round = 0; round < 20_000; round++) {
            List<String> lines = new ArrayList<>();
            int count = 1 + random.nextInt(8);
            for (int l = 0; l < count; l++) {
                StringBuilder line = new StringBuilder();
                for (int p = random.nextInt(5); p > 0; p--) {
                    line.append(pieces[random.nextInt(pieces.length)]);
                }
                lines.add(line.toString());
            }
            String first = lines.get(0).strip();
            List<String> next = lines.subList(1, lines.size());
            assertEquals(oneAtATime(first, next), ShellText.commandLines(first, next), "lines " + lines);
        }
    }

    private static List<String> oneAtATime(String first, List<String> next) {
        List<String> taken = new ArrayList<>(List.of(first));
        while (ShellText.needsMoreLines(String.join("\n", taken)) && taken.size() <= next.size()) {
            taken.add(next.get(taken.size() - 1).stripTrailing());
        }
        return taken;
    }
}
