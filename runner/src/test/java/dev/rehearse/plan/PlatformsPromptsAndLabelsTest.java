package dev.rehearse.plan;

import dev.rehearse.model.TargetFacts;
import dev.rehearse.read.Guides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ways of writing a guide a tester found read wrong (each written here in our own words): sections and admonitions
 * for another system, a file "in the folder" the prose names, customised prompts, output labels, the Rust book's
 * file labels and Hugo's code shortcode.
 */
class PlatformsPromptsAndLabelsTest {
    private static final TargetFacts FACTS = new TargetFacts("bob", "devbox", "/home/bob", "bob.devbox.test");

    @TempDir
    Path dir;

    private Plan plan(String name, String text) throws IOException {
        Path guide = Files.writeString(dir.resolve(name), text);
        return new Planner(FACTS, Map.of()).plan(Runbook.load(guide), Guides.read(guide));
    }

    private static List<String> commands(Plan plan) {
        return plan.steps().stream().map(s -> ((CommandStep) s).command()).toList();
    }

    private static String skip(Step step) {
        return step.policy().skip();
    }

    @Test
    void aSectionOrAdmonitionTitledForAnotherSystemIsSkippedAndOneForLinuxRuns() throws IOException {
        Plan plan = plan("guide.md", """
                # Setup

                ## Setting it up on macOS

                ```console
                $ brew install jq
                ```

                ## Windows

                ```console
                $ echo windows-only
                ```

                ## Setting it up on Linux

                ```console
                $ echo linux
                ```

                ### Mac OS X

                ```console
                $ echo nested-mac
                ```

                ## Windows with WSL

                ```console
                $ echo wsl
                ```

                ## Other notes

                !!! tip "For macOS readers"

                    ```console
                    $ echo admonished
                    ```

                !!! note "Debian and Ubuntu"

                    ```console
                    $ echo debian
                    ```

                ```{admonition} On Windows
                ```console
                $ echo myst
                ```
                ```

                ## The MAC address

                ```console
                $ echo address
                ```
                """);
        List<String> skipped = plan.steps().stream().filter(s -> skip(s) != null)
                .map(s -> ((CommandStep) s).command()).toList();
        assertEquals(List.of("brew install jq", "echo windows-only", "echo nested-mac", "echo admonished", "echo myst"),
                skipped, plan.steps().toString());
        assertEquals("for another machine: it stands under \"Setting it up on macOS\"", skip(plan.steps().get(0)));
        assertEquals("for another machine: it stands under \"For macOS readers\"", skip(plan.steps().get(5)));
        Plan titled = plan("guide.md", "# Notes written on Windows\n\n```console\n$ echo x\n```\n");
        assertNull(skip(titled.steps().get(0)), "the guide's own title speaks of the whole guide");

        Plan rst = plan("guide.rst", """
                Setup
                =====

                .. admonition:: On macOS

                   .. code-block:: console

                      $ brew install jq

                .. admonition:: Linux

                   .. code-block:: console

                      $ echo linux
                """);
        assertTrue(skip(rst.steps().get(0)).startsWith(OtherMachine.WHY), rst.steps().toString());
        assertNull(skip(rst.steps().get(1)));
    }

    @Test
    void aFileInAFolderTheProseNamesIsWrittenThere() throws IOException {
        for (String prose : List.of("Create a file named `hosts.ini` in the `~/play` directory.",
                "Create a file named `hosts.ini` inside your `~/play` folder:",
                "Create `hosts.ini` in the folder `~/play`:", "Create `hosts.ini` in `~/play/`:",
                "Create `hosts.ini` in `~/play`:")) {
            Plan plan = plan("guide.md", "# T\n\n" + prose + "\n\n```ini\n[web]\n192.0.2.7\n```\n");
            assertEquals("~/play/hosts.ini", ((WriteStep) plan.steps().get(0)).path(), prose);
        }
        Plan relative = plan("guide.md", "# T\n\nCreate `main.sh` in the `src` directory:\n\n```sh\necho hi\n```\n");
        assertEquals("src/main.sh", ((WriteStep) relative.steps().get(0)).path());
        Plan noFolder = plan("guide.md", "# T\n\nCreate `main.sh` in `production`:\n\n```sh\necho hi\n```\n");
        assertEquals("main.sh", ((WriteStep) noFolder.steps().get(0)).path(),
                "\"in `x`\" with no word for a folder may be anything: the name alone");
    }

    @Test
    void gitBranchesClocksAndExitStatusesInAPromptAreStillPrompts() throws IOException {
        Plan plan = plan("guide.md", """
                # T

                ```console
                dev@box:~/proj (main)$ echo a
                a
                dev@box:~/proj (feature/x *)$ echo b
                b
                ```

                ```console
                ~/proj (main)$ echo c
                ~/proj (main) $ echo d
                ```

                ```console
                [09:15:42] dev@box:~$ echo e
                ```

                ```console
                [09:15] ~/proj $ echo f
                [1] ~/proj $ echo g
                ```
                """);
        assertEquals(List.of("echo a", "echo b", "echo c", "echo d", "echo e", "echo f", "echo g"), commands(plan));
    }

    @Test
    void theMysqlManualsShellPromptsOpenTheSession() throws IOException {
        for (String prompt : List.of("shell>", "$>")) {
            Plan plan = plan("guide.md", "# T\n\n```console\n" + prompt
                    + " mysql -u root\nmysql> SELECT 1;\n1\nmysql> QUIT\nBye\n```\n");
            assertEquals(List.of("mysql -u root"), commands(plan), prompt);
        }
    }

    @Test
    void expectedAndOtherOutputLabelsMakeTheBlockTheOutputOfTheCommandBefore() throws IOException {
        for (String label : List.of("Expected:", "Expected result:", "Expect:", "It gives:", "Which produces:")) {
            Plan plan = plan("guide.md", "# T\n\n```sh\necho made\n```\n\n" + label + "\n\n```\nmade\n```\n");
            assertEquals("output of step 1", plan.notSteps().get(0).why(), label);
        }
    }

    @Test
    void theRustBooksItalicPathAndFilenameLabelNameTheFile() throws IOException {
        Plan italic = plan("guide.md", "# T\n\nCreate the file *src/run.sh*:\n\n```sh\necho hi\n```\n");
        assertEquals("src/run.sh", ((WriteStep) italic.steps().get(0)).path());
        Plan label = plan("guide.md", """
                # T

                Type the program in.

                <span class="filename">Filename: hello.py</span>

                ```python
                print("hi")
                ```
                """);
        assertEquals("hello.py", ((WriteStep) label.steps().get(0)).path());
        Plan words = plan("guide.md", "# T\n\nFile: *see below*\n\n```python\nprint(1)\n```\n");
        assertTrue(words.steps().isEmpty(), "a label in words names no file");
    }

    /** Django's docs name a file in a caption set in inline literal markup, which is no part of its name. */
    @Test
    void aCaptionInInlineMarkupNamesTheFileWithoutTheMarkup() throws IOException {
        for (String caption : List.of("``polls/urls.py``", "`polls/urls.py`", "*polls/urls.py*", "**polls/urls.py**")) {
            Plan plan = plan("guide.rst", """
                    T
                    =

                    In the file include the following code:

                    .. code-block:: python
                        :caption: %s

                        urlpatterns = []
                    """.formatted(caption));
            assertEquals("polls/urls.py", ((WriteStep) plan.steps().get(0)).path(), caption);
        }
    }

    @Test
    void hugosCodeShortcodeHoldsABlockInTheLanguageItNames() throws IOException {
        Plan plan = plan("guide.md", """
                # T

                {{< code lang="console" >}}
                $ echo hugo
                hugo
                {{< /code >}}
                """);
        assertEquals(List.of("echo hugo"), commands(plan));
    }
}
