package dev.rehearse.bind;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ShellSafetyTest {
    private static boolean safe(String literal, String value, String command) {
        return ShellSafety.problem(literal, value, command).isEmpty();
    }

    @Test
    void unquotedValuesAreLimitedToASafeCharset() {
        assertTrue(safe("PORT", "41000", "curl http://localhost:PORT/"));
        assertTrue(safe("python3.6", "python3", "virtualenv -p python3.6 env"));
        assertFalse(safe("python3.6", "python3;id", "virtualenv -p python3.6 env"));
        assertFalse(safe("python3.6", "$(id)", "virtualenv -p python3.6 env"));
        assertFalse(safe("python3.6", "a b", "virtualenv -p python3.6 env"), "a blank would split the word");
        assertFalse(safe("python3.6", "*", "virtualenv -p python3.6 env"));
        assertTrue(safe("pip install app", "pip install app==1.0", "pip install app"), "blanks where the literal has them");
        assertFalse(safe("pip install app", "pip install app|sh", "pip install app"));
    }

    @Test
    void eachQuotingContextHasItsOwnRules() {
        assertTrue(safe("<pw>", "a$b`c\"d!", "mysql -p'<pw>'"));
        assertFalse(safe("<pw>", "a'b", "mysql -p'<pw>'"));
        assertTrue(safe("<pw>", "a'b c", "echo \"<pw>\""));
        for (String bad : new String[]{"a$b", "a`b", "a\\b", "a\"b", "a!b"}) {
            assertFalse(safe("<pw>", bad, "echo \"<pw>\""), bad);
        }
        assertTrue(safe("<pw>", "a'b", "cat <<EOF\n<pw>\nEOF"), "an expanding here-document takes quotes");
        assertFalse(safe("<pw>", "a$b", "cat <<EOF\n<pw>\nEOF"));
        assertTrue(safe("<pw>", "a$b`c", "cat <<'EOF'\n<pw>\nEOF"), "a quoted delimiter makes the body literal");
        assertTrue(safe("<pw>", "a;b", "ls # <pw>"), "a comment is never run");
    }

    @Test
    void theStrictestContextWinsWhenALiteralStandsInSeveral() {
        assertEquals("a ' inside '...'", ShellSafety.problem("X", "it's", "echo \"X\" 'X'").orElseThrow());
        assertFalse(safe("X", "a b", "echo 'X' X"));
    }

    @Test
    void aNewlineIsNeverSafeEvenWhereTheLiteralDoesNotStand() {
        assertEquals("a newline", ShellSafety.problem("X", "a\nb", "echo nothing").orElseThrow());
        assertFalse(safe("X", "a\rb", "echo 'X'"));
    }

    @Test
    void theLexerKnowsWhenACommandContinues() {
        assertTrue(ShellText.needsMoreLines("createdb \\"));
        assertTrue(ShellText.needsMoreLines("echo 'one"));
        assertTrue(ShellText.needsMoreLines("echo \"a \\\" b"));
        assertTrue(ShellText.needsMoreLines("cat <<-END\n\tbody"));
        assertFalse(ShellText.needsMoreLines("cat <<-END\n\tbody\n\tEND"));
        assertFalse(ShellText.needsMoreLines("echo don\\'t"));
        assertFalse(ShellText.needsMoreLines("ls # don't"));
        assertFalse(ShellText.needsMoreLines("grep x <<< 'text'"));
        assertFalse(ShellText.needsMoreLines("echo $'it\\'s'"));
    }

    @Test
    void aValueHandedToAnotherShellMustBeSafeWhereThatShellReadsIt() {
        assertFalse(safe("X", "$(id)", "bash -c 'echo hello X'"), "inside '...' for the first shell, bare for the second");
        assertFalse(safe("X", "a;id", "sh -c \"echo X\""));
        assertFalse(safe("X", "a;id", "su - app -c \"echo X\""));
        assertFalse(safe("X", "a;id", "su app --command='echo X'"));
        assertFalse(safe("X", "a;id", "ssh host 'echo X'"));
        assertFalse(safe("X", "a;id", "eval 'echo X'"));
        assertFalse(safe("X", "a;id", "bash <<'EOF'\necho X\nEOF"), "a here-document a shell reads is code");
        assertFalse(safe("X", "a;id", "echo 'echo X' | sh"), "what a shell reads from a pipe is code");
        assertFalse(safe("X", "a;id", "echo \"$(echo X)\""), "a command substitution is read bare");
        assertFalse(safe("X", "a;id", "echo ${NONE:-X}"));
        assertFalse(safe("X", "a'b", "ssh host \"bash -c 'echo X'\""), "two levels down");
        assertTrue(safe("X", "a;b c", "bash -c 'echo \"X\"'"), "quoted at both levels: the value stays data");
        assertTrue(safe("X", "a$b;c", "cat <<'EOF'\nX\nEOF"), "cat only prints its here-document");
        assertTrue(safe("X", "a$b", "psql -c 'select X'"), "psql's -c is not a shell's");
        assertTrue(safe("X", "a b", "echo 'X' 2>&1 | grep -c a"));
    }
}
