package dev.rehearse.bind;

import org.junit.jupiter.api.Test;

import java.util.List;

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

    /**
     * What is quoted or fed in goes to a program that may read it as code of its own: a trap's shell, declare's
     * array subscripts, python -c, awk's system(), SQL. Only plain text passes there, in every quoting.
     */
    @Test
    void quotedOrFedInAValueIsPlainText() {
        List<String> contexts = List.of("mysql -p'<pw>'", "echo \"<pw>\"", "cat <<EOF\n<pw>\nEOF",
                "cat <<'EOF'\n<pw>\nEOF");
        for (String command : contexts) {
            assertTrue(safe("<pw>", "S3cret words_and.more-42", command), command);
            for (String bad : List.of("a$b", "a`b", "a\\b", "a\"b", "a!b", "a'b", "a;b", "a(b", "a[b]", "a&b", "a|b")) {
                assertFalse(safe("<pw>", bad, command), bad + " in " + command);
            }
        }
        assertTrue(safe("<pw>", "a;b", "ls # <pw>"), "a comment is never run");
        for (String reread : List.of("trap 'echo X' USR1", "PROMPT_COMMAND='echo X'", "declare 'X'=1",
                "printf -v 'X' x", "python3 -c 'print(\"X\")'", "awk 'BEGIN{system(\"echo X\")}'",
                "bash <<< 'echo X'", "bash <(echo 'echo X')", "echo 'echo X' > s.sh && bash s.sh")) {
            assertFalse(safe("X", "a[$(id)]", reread), reread);
            assertFalse(safe("X", "\"+__import__('os').system('id')+\"", reread), reread);
        }
    }

    /** A value of letters alone that ends a here-document makes the body's next lines commands. */
    @Test
    void aValueThatChangesHowTheRestIsReadIsRefused() {
        assertEquals("a word that changes how the shell reads the rest of the command (it ends a here-document, or "
                        + "opens or closes a quote)",
                ShellSafety.problem("X", "EOF", "cat > notes.txt <<'EOF'\nX\ntouch /tmp/owned\nEOF").orElseThrow());
        assertTrue(safe("X", "EOFS", "cat > notes.txt <<'EOF'\nX\ntouch /tmp/owned\nEOF"));
        assertFalse(safe("X", "END", "cat <<-END\n\tX\n\tmore\nEND"), "<<- strips the tabs before the delimiter");
    }

    @Test
    void theStrictestContextWinsWhenALiteralStandsInSeveral() {
        assertTrue(ShellSafety.problem("X", "it's", "echo \"X\" 'X'").orElseThrow().contains("inside \"...\""));
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
    void aLineOfPlainWordsIsCompleteUnlessAReservedWordOpensACompound() {
        assertFalse(ShellText.needsMoreLines("echo 1"));
        assertFalse(ShellText.needsMoreLines("tar -xzf ~/synapse-1.0.tar.gz --strip=1 -C /srv/app:x,y+z@%*?^"));
        assertFalse(ShellText.needsMoreLines(""));
        assertTrue(ShellText.needsMoreLines("while true"), "a plain line that opens a loop");
        assertTrue(ShellText.needsMoreLines("for x in a b"));
        assertTrue(ShellText.needsMoreLines("if\ttest -f x"), "a tab between the words");
        assertTrue(ShellText.needsMoreLines("time while true"), "a command follows time");
        assertFalse(ShellText.needsMoreLines("echo done for if"), "reserved only as the command's first word");
        assertFalse(ShellText.needsMoreLines("done"));
        assertTrue(ShellText.needsMoreLines("echo a |"), "an operator, no plain line");
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
        assertTrue(safe("X", "a b.c", "bash -c 'echo \"X\"'"), "plain text at both levels");
        assertFalse(safe("X", "a;b c", "bash -c 'echo \"X\"'"));
        assertFalse(safe("X", "a'b", "psql -c 'select X'"), "SQL reads it");
        assertTrue(safe("X", "a b", "echo 'X' 2>&1 | grep -c a"));
    }
}
