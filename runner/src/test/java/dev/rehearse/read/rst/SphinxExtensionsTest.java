package dev.rehearse.read.rst;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.read.Guides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Sphinx extensions' directives that guides use: tabs (sphinx-tabs, sphinx-design) and sphinx-prompt. */
class SphinxExtensionsTest {
    @TempDir
    Path dir;

    @Test
    void aBlockInATabHasItsSetAndLabelInItsContext() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Title
                =====

                .. tabs::

                   .. tab:: macOS

                      .. code-block:: console

                         $ brew install x

                   .. group-tab:: Linux

                      ::

                         $ apt-get install x

                .. tab-set::

                   .. tab-item:: Fedora 40

                      .. code-block:: console

                         $ dnf install x
                """);
        List<Block> blocks = Guides.read(guide).blocks();
        assertEquals(List.of(List.of("container(oracle-tabs)", "tab 6: macOS"),
                        List.of("container(oracle-tabs)", "tab 6: Linux"),
                        List.of("container(oracle-tab-set)", "tab 20: Fedora 40")),
                blocks.stream().map(Block::context).toList());
        assertEquals(List.of(10, 16, 24), blocks.stream().map(Block::contentLine).toList());
    }

    @Test
    void aPromptBlockKeepsItsCommandsAsWrittenWithItsPromptsAndModifiers() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Title
                =====

                .. prompt:: bash $

                   mkdir -p ~/app
                   cd ~/app

                .. prompt::
                   :language: bash
                   :prompts: (venv) $
                   :modifiers: auto

                   (venv) $ pip list
                """);
        List<Block> blocks = Guides.read(guide).blocks();
        Block plain = blocks.get(0);
        assertEquals("prompt", plain.kind());
        assertEquals("bash", plain.language());
        assertEquals(Map.of("prompts", "$"), plain.options());
        assertEquals(6, plain.contentLine());
        assertEquals("mkdir -p ~/app\ncd ~/app", plain.text());
        Block auto = blocks.get(1);
        assertEquals("bash", auto.language());
        assertEquals(Map.of("prompts", "(venv) $", "modifiers", "auto"), auto.options());
        assertEquals("(venv) $ pip list", auto.text());
    }

    @Test
    void aLiteralIncludeShowsTheFilesLinesAsSphinxClipsThemAndStandsInThatFile() throws IOException {
        Files.writeString(dir.resolve("app.conf"), "# top\n# start\n    [app]\n    port = 1\n# end\ntail\n");
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Title
                =====

                Create ``~/app.ini``:

                .. literalinclude:: app.conf
                   :language: ini
                   :start-after: # start
                   :end-before: # end
                   :dedent: 4

                .. literalinclude:: /app.conf
                   :lines: 1,3-4,6-

                .. literalinclude:: missing.conf
                """);
        Guide read = Guides.read(guide);
        Block clipped = read.blocks().get(0);
        assertEquals("literalinclude", clipped.kind());
        assertEquals("ini", clipped.language());
        assertEquals("app.conf", clipped.source(), "the block stands in the file it shows");
        assertEquals(3, clipped.contentLine());
        assertEquals("[app]\nport = 1", clipped.text());
        assertEquals("Create ``~/app.ini``:", clipped.precedingText());
        assertEquals("# top\n    [app]\n    port = 1\ntail", read.blocks().get(1).text());
        assertEquals(2, read.blocks().size());
        assertEquals(List.of("guide.rst:15: error: Include file missing.conf not found or reading it failed "
                + "[missing-include]"), read.findings().stream().map(Object::toString).toList());
    }

    @Test
    void aLiteralIncludesLinesCountInWhatItsStartAndEndLeftAsSphinxsDo() throws IOException {
        Files.writeString(dir.resolve("app.conf"), "# end of header\n[app]\nport = 1\nuser = app\n# end\ntail\n");
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Title
                =====

                .. literalinclude:: app.conf
                   :start-at: [app]
                   :lines: -2

                .. literalinclude:: app.conf
                   :end-before: # end

                .. literalinclude:: app.conf
                   :lines: 0

                .. literalinclude:: app.conf
                   :lines: 9-
                """);
        Guide read = Guides.read(guide);
        Block opened = read.blocks().get(0);
        assertEquals("[app]\nport = 1", opened.text(), "lines 1 to 2 of what :start-at: left");
        assertEquals(2, opened.contentLine());
        assertEquals("# end of header\n[app]\nport = 1\nuser = app", read.blocks().get(1).text(),
                "end-before passes over a match on the first line");
        assertEquals("tail", read.blocks().get(2).text(), "line 0 is Python's lines[-1]");
        assertEquals(3, read.blocks().size());
        assertEquals(List.of("guide.rst:14: error: Line spec '9-': no lines pulled from include file [directive]"),
                read.findings().stream().map(Object::toString).toList());
    }

    /**
     * Sphinx's own |version| and |release| come from the project's conf.py (in the runbook's folder: a guide reads
     * nothing outside it), where it sets them as strings: a
     * parsed-literal that uses them shows the values. Before, the reference stayed as typed (an undefined
     * substitution), and the command was typed with it: {@code echo widget==|release|} read its next line as a pipe.
     */
    @Test
    void versionAndReleaseComeFromTheProjectsConfPy() throws IOException {
        Files.writeString(dir.resolve("conf.py"), "project = 'widget'\nrelease = '4.2.1'\nversion = '4.2'  # short\n");
        Path guide = Files.writeString(dir.resolve("install.rst"), """
                Install
                =======

                .. parsed-literal::

                   $ pip install widget==\\ |release|
                   $ echo |version|
                """);
        Guide read = Guides.read(guide);
        assertEquals("$ pip install widget==4.2.1\n$ echo 4.2", read.blocks().get(0).text());
        assertEquals(List.of(), read.findings().stream().filter(f -> f.rule().equals("substitution")).toList());
    }

    /**
     * Directives of Sphinx extensions that hold a session: Django's {@code console}, sphinx-tabs' {@code code-tab}
     * (a tab of its set, labelled by the words after its language), and sphinx-substitution-extensions'
     * {@code :substitutions:} option. Before, each block was an unknown directive or option, and was no block.
     */
    @Test
    void djangosConsoleSphinxTabsCodeTabAndTheSubstitutionsOptionHoldSessions() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Install
                =======

                .. |version| replace:: 4.2

                .. console::

                    $ python -m pip --version

                .. tabs::

                   .. code-tab:: console Linux

                      $ echo linux

                   .. code-tab:: doscon Windows

                      ...\\> echo windows

                .. code-block:: console
                   :substitutions:

                   $ echo app-|version|.tar.gz
                """);
        Guide read = Guides.read(guide);
        assertEquals(List.of("console", "console", "doscon", "console"),
                read.blocks().stream().map(Block::language).toList());
        assertEquals(List.of(List.of(), List.of("container(oracle-tabs)", "tab 12: Linux"),
                        List.of("container(oracle-tabs)", "tab 12: Windows"), List.of()),
                read.blocks().stream().map(Block::context).toList());
        assertEquals("$ echo app-4.2.tar.gz", read.blocks().get(3).text());
        assertEquals(List.of(), read.findings(), "no unknown directive or option");
    }

    /**
     * A replacement of a punctuation mark alone ({@code ;}, {@code --}) is a paragraph, as docutils reads it: a
     * line of punctuation too short to be a transition. Before, it was the error "may contain a single paragraph
     * only", and the substitution stood in the command as {@code |sep|}.
     */
    @Test
    void aReplacementThatIsAPunctuationMarkAloneIsText() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Join
                ====

                .. |sep| replace:: ;
                .. |dash| replace:: --

                .. code-block:: console
                   :substitutions:

                   $ echo "a|sep|b" |dash|
                """);
        Guide read = Guides.read(guide);
        assertEquals("$ echo \"a;b\" --", read.blocks().get(0).text());
        assertEquals(List.of(), read.findings());
    }

    /** The page a guide is read as is HTML: {@code only:: latex} is left out. Before, both variants ran. */
    @Test
    void onlyKeepsWhatTheHtmlPageShows() throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.rst"), """
                Install
                =======

                .. only:: html

                   .. code-block:: console

                      $ echo html

                .. only:: latex

                   .. code-block:: console

                      $ echo latex

                .. only:: not latex and (html or epub)

                   .. code-block:: console

                      $ echo either
                """);
        assertEquals(List.of("$ echo html", "$ echo either"),
                Guides.read(guide).blocks().stream().map(Block::text).toList());
    }
}
