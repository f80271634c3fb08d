package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.model.Interaction;
import dev.rehearse.testing.Blocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.rehearse.testing.Blocks.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Blocks of what is typed at a REPL's prompts with no shell prompt among them, as Django's tutorial and Python
 * projects' docs write them: before, each was a "prose example", and the command before that opened the REPL waited
 * at its prompt until it was stopped.
 */
class ReplBlocksTest {
    @TempDir
    Path dir;

    private Plan plan(Block... blocks) throws IOException {
        return Blocks.plan(dir, blocks);
    }

    private static List<String> typed(CommandStep step) {
        return step.interactions().stream().map(i -> i.eof() ? "^D" : i.prompt() + " " + i.answer()).toList();
    }

    @Test
    void aReplBlockAfterTheCommandThatOpensItIsTypedIntoIt() throws IOException {
        Plan plan = plan(
                block("console", 10, "Start the shell:", "$ python manage.py shell"),
                block("pycon", 14, "Then explore:", """
                        >>> from polls.models import Question
                        # No questions are in the system yet.
                        >>> Question.objects.all()
                        <QuerySet []>"""));
        assertEquals(1, plan.steps().size(), plan.steps().toString());
        CommandStep shell = (CommandStep) plan.steps().get(0);
        assertEquals("python manage.py shell", shell.command());
        assertEquals(List.of(">>> from polls.models import Question", ">>> Question.objects.all()", ">>> ^D"),
                typed(shell).stream().map(t -> t.replace(" ^D", "")).map(t -> t.endsWith("^D") ? ">>> ^D" : t)
                        .toList());
        assertEquals(List.of(ExpectedLine.Kind.REPL_INPUT, ExpectedLine.Kind.REMARK, ExpectedLine.Kind.REPL_INPUT,
                ExpectedLine.Kind.OUTPUT), shell.expected().stream().map(ExpectedLine::kind).toList());
        assertEquals(17, shell.expected().get(1).sourceLine(), "the block's own lines, for update");
        assertTrue(plan.notSteps().stream().anyMatch(n -> n.why().equals(NotAStep.TYPED_INTO + 1) && n.showsOutput()),
                plan.notSteps().toString());
    }

    /** Blocks one after the other go into the same session, a doctest's as a shell's: what one made, the next uses. */
    @Test
    void replBlocksOneAfterTheOtherGoIntoTheSameSession() throws IOException {
        Plan shell = plan(
                block("console", 10, "Start the shell:", "$ python manage.py shell"),
                block("pycon", 14, "Make a question:", ">>> q = Question(text='new?')\n>>> q.save()"),
                block("pycon", 20, "And look at it:", ">>> for x in Question.objects.all():\n...     print(x)\n...\nnew?"),
                block("console", 28, "Back in the shell:", "$ ls"));
        assertEquals(List.of("python manage.py shell", "ls"),
                shell.steps().stream().map(s -> ((CommandStep) s).command()).toList());
        CommandStep session = (CommandStep) shell.steps().get(0);
        assertEquals(List.of("q = Question(text='new?')", "q.save()", "for x in Question.objects.all():",
                "    print(x)", "", ""), session.interactions().stream().map(Interaction::answer).toList());
        assertEquals(List.of(false, false, false, false, false, true),
                session.interactions().stream().map(Interaction::eof).toList(), "the input ends once, at the end");
        Plan doctests = plan(block("", 10, "Check it:", ">>> x = 6"), block("", 14, "Then:", ">>> x * 7\n42"));
        assertEquals(1, doctests.steps().size(), doctests.steps().toString());
        Plan left = plan(block("console", 10, "Start:", "$ python3"), block("pycon", 14, "Set:", ">>> x = 6\n>>>"),
                block("pycon", 18, "Later:", ">>> x * 7\n42"));
        assertEquals(2, left.steps().size(), "a REPL the guide shows left at its bare prompt: " + left.steps());
    }

    /** Node.js's bare {@code >} is its prompt after {@code $ node}, in a block of inputs alone too (no marked output). */
    @Test
    void nodesPromptAfterNodeIsTypedIntoItsRepl() throws IOException {
        for (Block repl : List.of(block("js", 14, "Then:", "> const x = 40\nundefined\n> x + 2\n42"),
                block("console", 14, "Then:", "> const x = 40\n> x + 2"))) {
            Plan plan = plan(block("console", 10, "Start Node's REPL:", "$ node"), repl);
            assertEquals(1, plan.steps().size(), plan.steps() + " " + plan.notSteps());
            assertEquals(List.of("const x = 40", "x + 2", ""),
                    ((CommandStep) plan.steps().get(0)).interactions().stream().map(Interaction::answer).toList());
        }
        Plan marked = plan(block("console", 10, "Make a key:", "$ ssh-keygen -t ed25519"),
                block("console", 14, "It says:", "> Generating public/private ed25519 key pair."));
        assertTrue(marked.notSteps().get(0).showsOutput(), "GitHub's marks elsewhere: " + marked.notSteps());
    }

    @Test
    void aSqlReplBlockGoesIntoTheDatabaseShellOpenedBeforeAndItsCommentIsARemark() throws IOException {
        Plan plan = plan(
                block("console", 10, "Open the database:", "$ sudo -u postgres psql synapse"),
                block("sql", 14, "List the users:", """
                        synapse=# SELECT name FROM users;
                        -- one row per account
                        synapse=# \\q"""));
        CommandStep psql = (CommandStep) plan.steps().get(0);
        assertEquals(1, plan.steps().size(), plan.steps().toString());
        assertEquals("SELECT name FROM users;", psql.interactions().get(0).answer());
        assertEquals(ExpectedLine.Kind.REMARK, psql.expected().get(1).kind());
        assertTrue(psql.interactions().stream().noneMatch(Interaction::eof), "\\q leaves by itself");
    }

    /** A script run, a REPL given its statement, or one left with its exit opens nothing the next block types into. */
    @Test
    void aCommandThatOpensNoReplOrHasLeftItTakesNoneOfTheBlockAfter() throws IOException {
        for (String command : List.of("python3 app.py", "psql -c 'SELECT 1'", "pip install requests")) {
            Plan plan = plan(block("console", 10, "Run:", "$ " + command),
                    block("pycon", 14, "Check:", ">>> import requests\n>>> requests.__name__\n'requests'"));
            assertEquals(2, plan.steps().size(), command + ": " + plan.steps());
            CommandStep python = (CommandStep) plan.steps().get(1);
            assertEquals("python3", python.command(), "a Python of its own");
            assertEquals(16, python.line(), "the line of its first input");
            assertEquals(List.of("import requests", "requests.__name__", ""),
                    python.interactions().stream().map(Interaction::answer).toList());
        }
        Plan left = plan(block("console", 10, "Run:", "$ python3\n>>> x = 1\n>>> exit()"),
                block("pycon", 14, "Check:", ">>> 1 + 1\n2"));
        assertEquals(2, left.steps().size(), left.steps().toString());
    }

    @Test
    void aDoctestRunsInThePythonTheGuideRanLastAndAnSqlReplWithNothingToOpenItIsNoStep() throws IOException {
        Plan plan = plan(block("console", 10, "Make the environment:", "$ python3.11 -m venv env"),
                block("", 14, "Check it:", ">>> import sys\n>>> sys.prefix.endswith('env')\nTrue"),
                block("sql", 20, "The database then shows:", "sqlite> SELECT 1;\n1"));
        assertEquals(List.of("python3.11 -m venv env", "python3.11"),
                plan.steps().stream().map(s -> ((CommandStep) s).command()).toList());
        assertTrue(plan.notSteps().stream().anyMatch(n -> n.line() == 22), plan.notSteps().toString());
    }

    /** A REPL's console block may begin with the shell's command that opens it. */
    @Test
    void aPythonConsoleBlockThatOpensWithTheShellsCommandIsASession() throws IOException {
        Plan plan = plan(block("pycon", 10, "Try it:", "$ python3\n>>> 6 * 7\n42"));
        CommandStep python = (CommandStep) plan.steps().get(0);
        assertEquals("python3", python.command());
        assertEquals(12, python.line());
        assertEquals("6 * 7", python.interactions().get(0).answer());
    }
}
