package dev.rehearse.plan;

import dev.rehearse.model.Interaction;
import dev.rehearse.bind.Binding;
import dev.rehearse.bind.Bindings;
import dev.rehearse.guide.BadInput;
import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.TargetFacts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.rehearse.testing.Blocks.block;
import static dev.rehearse.testing.Blocks.guide;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guides written the way people write, planned as a new user would plan them: no sidecar. */
class UntunedGuidesTest {
    private static final TargetFacts FACTS = new TargetFacts("bob", "devbox", "/home/bob", "bob.devbox.test");

    @TempDir
    Path dir;

    private Plan plan(Block... blocks) throws IOException {
        return plan(Map.of(), blocks);
    }

    private Plan plan(Map<String, String> binds, Block... blocks) throws IOException {
        Runbook bare = Runbook.load(Files.writeString(dir.resolve("guide.rst"), "x\n"));
        return new Planner(FACTS, binds).plan(bare, guide(blocks));
    }

    /** A block that opens port 40132, as the lab's include shows it. */
    private static Block portAdd() {
        return block("console", 10, "Open a port:", """
                [isabell@stardust ~]$ uberspace port add
                Port 40132 will be open for TCP and UDP traffic in a few minutes.
                [isabell@stardust ~]$""");
    }

    private static String verbs(Plan plan) {
        return String.join(" ", plan.steps().stream().map(s -> s instanceof WriteStep w ? w.verb() + ":" + w.path()
                : s instanceof EditStep e ? e.verb() + ":" + e.path() + ":" + e.format() : "command").toList());
    }

    @Test
    void addingToAFileAppendsOrMergesAndOnlyAnExplicitCreateCreates() throws IOException {
        Plan plan = plan(
                block("bash", 10, "To make it permanent, add the following to your ``~/.bashrc``:", "eval \"$(starship init bash)\""),
                block("ini", 20, "Add the following content to ``~/etc/services.d/app.ini``:", "[program:app]\nautostart=true"),
                block("toml", 30, "Edit ``~/app/config.toml`` and change the port:", "[server]\nport = 4711"),
                block("yaml", 40, "Append these lines to ``~/app/conf.yml``:", "debug: true"),
                block("php", 50, "Add the following options to the end of the file /var/www/virtual/$USER/app/config.php:",
                        "$debug = true;"),
                block("ini", 60, "Create ``~/etc/services.d/web.ini`` with the following content:", "[program:web]"),
                block("python", 70, "Save the following as ``~/app/main.py``:", "print(1)"),
                block("python", 80, "Edit ``~/app/settings.py`` and change the hosts:", "ALLOWED_HOSTS = ['x']"));
        assertEquals("append:~/.bashrc merge:~/etc/services.d/app.ini:ini merge:~/app/config.toml:toml "
                + "merge:~/app/conf.yml:yaml append:/var/www/virtual/$USER/app/config.php create:~/etc/services.d/web.ini "
                + "create:~/app/main.py", verbs(plan));
        assertEquals(List.of(new NotAStep("guide.rst", 82, "python", true,
                "python: a change to ~/app/settings.py that only a merge of yaml, ini or toml can make")), plan.notSteps());
    }

    @Test
    void shellCommandsThatMakeOrChangeTheFileTheProseNamesAreNoContentOfIt() throws IOException {
        Plan plan = plan(
                block("bash", 10, "Create a virtual environment in ``~/venv``:", "python3 -m venv ~/venv"),
                block("sh", 20, "Add the tool to your PATH in ``~/.profile``:",
                        "echo 'export PATH=\"$HOME/tools:$PATH\"' >> \"$HOME\"/.profile"),
                block("bash", 30, "Create ``~/app/start.sh`` by running:", "cat > ~/app/start.sh <<'EOF'\necho hi\nEOF"),
                block("bash", 40, "Create ``~/bin/backup.sh`` with the following content:",
                        "#!/bin/bash\ntar czf ~/backup.tgz ~/bin"),
                block("bash", 50, "Add the following to your ``~/.bashrc``:", "export EDITOR=vim # not ~/.bashrc.d"));
        assertEquals("create:~/bin/backup.sh append:~/.bashrc", verbs(plan),
                "a script that names another file, or a longer path, is still the file's content");
        assertEquals(List.of("bash: shell commands that make or change ~/venv",
                        "sh: shell commands that make or change ~/.profile",
                        "bash: shell commands that make or change ~/app/start.sh"),
                plan.notSteps().stream().map(NotAStep::why).toList(), "commands, which a Markdown guide runs");
    }

    /**
     * A list item shown without its key ("in the listeners: section, the entry with port: 8008") is no merge: the
     * run failed on it, at the step, though the plan had called it one. The file stays the one the guide works on.
     */
    @Test
    void aYamlListItemShownWithoutItsKeyIsNoMergeAndTheFileStaysInPlay() throws IOException {
        Plan plan = plan(
                block("yaml", 10, "Edit the config file ``~/app/config.yaml``, the entry with ``port: 8008``:",
                        "# the listener\n- port: 8008\n  tls: false"),
                block("yaml", 20, "Modify the config file again:", "database: app"));
        assertEquals("merge:~/app/config.yaml:yaml", verbs(plan));
        assertEquals(List.of("a YAML list item for ~/app/config.yaml, which the guide shows without its key: where in "
                + "the list it goes is the reader's to find"), plan.notSteps().stream().map(NotAStep::why).toList());
    }

    @Test
    void aFileNamedInAnEarlierParagraphOfTheSectionTakesTheFragmentsAfterIt() throws IOException {
        Plan plan = plan(
                block("yaml", 10, "Edit the config file ``~/app/config.yaml``. First the listener:", "port: 4711"),
                block("yaml", 20, "Then the database:", "database: app"),
                block("yaml", 30, "And allow registrations, in the same file:", "registration: true"),
                block("yaml", 40, "If you need more hosts, add them like this:", "hosts: [a, b]"),
                block("yaml", 50, "If you want a socket instead of a port, replace the ``port`` line with:", "socket: /tmp/s"));
        assertEquals("merge:~/app/config.yaml:yaml merge:~/app/config.yaml:yaml merge:~/app/config.yaml:yaml", verbs(plan));
        assertEquals(List.of("yaml: prose example", "yaml: prose example"), plan.notSteps().stream().map(NotAStep::why).toList(),
                "an optional variant (\"like this\", \"instead\") is no change to make");
    }

    @Test
    void aCrontabEntryAndAnInsertionAtAPlaceAreNoFileSteps() throws IOException {
        Plan plan = plan(
                block("text", 10, "Add the following line to your crontab using ``crontab -e``:", "*/5 * * * * ~/bin/job"),
                block("bash", 20, "Add this to ``~/bin/start`` above the ``exec`` call:", "export A=1"));
        assertEquals("", verbs(plan));
        assertEquals(List.of("text: a crontab entry (crontab -e), not a file",
                "bash: an insertion at a place in the file (\"above the ``exec`` call\"), not applied"),
                plan.notSteps().stream().map(NotAStep::why).toList());
    }

    @Test
    void placeholdersTheGuideGivesAValueForAreBoundAndTheRestStopTheRun() throws IOException {
        Plan plan = plan(
                block("console", 10, "Please replace ``<username>`` with your user name!", """
                        [isabell@stardust ~]$ createuser <username> -P
                        Enter password for new role:
                        Enter it again:
                        [isabell@stardust ~]$"""),
                block("console", 20, "The app is running on port 4711. Point the backend to it:", """
                        [isabell@stardust ~]$ uberspace web backend set / --http --port <port>
                        [isabell@stardust ~]$"""),
                block("console", 30, "Log in:", """
                        [isabell@stardust ~]$ app login --user <admin> --password '<password>'
                        [isabell@stardust ~]$"""));
        assertEquals("bob", plan.bindings().get("<username>").orElseThrow().value());
        assertEquals("4711", plan.bindings().get("<port>").orElseThrow().value());
        Binding secret = plan.bindings().get("<password>").orElseThrow();
        assertTrue(secret.secret());
        CommandStep createuser = (CommandStep) plan.steps().get(0);
        assertEquals("<password>", createuser.interactions().get(0).binding(), "the hidden prompt types the same secret");
        assertEquals(List.of(new Placeholder("<admin>", "guide.rst", 32)), plan.unbound());
        BadInput refused = assertThrows(BadInput.class, plan::requireBound);
        assertEquals("guide.rst:32: unbound placeholder <admin>: bind it with --bind '<admin>=VALUE' "
                + "or runbook.yaml bindings: {\"<admin>\": VALUE}", refused.getMessage());
        plan(Map.of("<admin>", "root"), plan.guide().blocks().toArray(new Block[0])).requireBound();
    }

    @Test
    void placeholdersInAFilesContentStopTheRunAtTheirOwnLineUnlessTheGuideGivesAValue() throws IOException {
        Plan plan = plan(
                block("console", 10, "Open a port:", """
                        [isabell@stardust ~]$ uberspace port add
                        Port 40132 will be open for TCP and UDP traffic in a few minutes.
                        [isabell@stardust ~]$"""),
                block("ini", 20, "Create ``~/etc/app.ini`` with the following content, the database password is yours:", """
                        [app]
                        home = /home/<user>/app
                        url = https://<user>.devbox.test
                        port = <your_port>
                        db_password = <password>
                        token = <your-secret>"""),
                block("html", 40, "Create ``~/html/index.html`` with the following content:", """
                        <html>
                        <IfModule mod_rewrite.c>
                        </IfModule>
                        <p>Hello<br>world</p><li>one
                        From: Isabell <isabell@devbox.test>
                        </html>"""));
        assertEquals("bob", plan.bindings().get("<user>").orElseThrow().value(), "a home folder and the user's domain");
        CommandStep portAdd = (CommandStep) plan.steps().get(0);
        assertTrue(portAdd.captures().contains(new Capture("<your_port>", "Port (\\d+) will be open")), portAdd.captures().toString());
        assertEquals(List.of(new Placeholder("<password>", "guide.rst", 26), new Placeholder("<your-secret>", "guide.rst", 27)),
                plan.unbound(), "markup, HTML's unclosed tags and a named mail address are no placeholders");
        BadInput refused = assertThrows(BadInput.class, plan::requireBound);
        assertEquals("guide.rst:26: unbound placeholders <password> at guide.rst:26, <your-secret> at guide.rst:27; bind each "
                + "with --bind '<password>=VALUE' or runbook.yaml bindings: {\"<password>\": VALUE}", refused.getMessage());
        plan(Map.of("<password>", "pw", "<your-secret>", "s3"), plan.guide().blocks().toArray(new Block[0])).requireBound();
    }

    @Test
    void whatACommandLooksForInAPageACHeaderAndPythonsStdinAreNoPlaceholders() throws IOException {
        Plan plan = plan(block("console", 10, "Check the page and build the program:", """
                $ curl -s http://127.0.0.1:8080/ | grep -c '<h1>'
                1
                $ cat > main.c <<'EOF'
                #include <stdio.h>
                #import <Foundation/Foundation.h>
                int main(void) { puts("<name>"); return 0; }
                EOF
                $ python3 -c 'import sys; print(sys.stdin.name)' | grep -c '<stdin>'"""));
        assertEquals(List.of(new Placeholder("<name>", "guide.rst", 14)), plan.unbound(),
                "a name the guide leaves to the reader still is one");
    }

    @Test
    void aPlaceholderShownAsOutputIsCapturedAndCarriedToTheFileThatUsesIt() throws IOException {
        Plan plan = plan(
                block("console", 10, "Make a secret key:", """
                        [isabell@stardust ~]$ app generate secret
                        <RANDOM_KEY>
                        [isabell@stardust ~]$"""),
                block("console", 20, "Make a token:", """
                        [isabell@stardust ~]$ app token
                        Your token: <token>
                        [isabell@stardust ~]$"""),
                block("ini", 30, "Create ``~/etc/app.ini`` with the following content:", """
                        [security]
                        key = <RANDOM_KEY>
                        token = <token>"""));
        assertEquals(List.of(new Capture("<RANDOM_KEY>", "(?m)^\\s*(\\S+)\\s*$")), ((CommandStep) plan.steps().get(0)).captures());
        assertEquals(List.of(new Capture("<token>", "Your\\s+token:\\s+(\\S+)")), ((CommandStep) plan.steps().get(1)).captures());
        assertEquals(List.of(), plan.unbound());

        // what the commands generated is a secret by its name: hidden in outputs, logs and reports from then on,
        // and in the live output of the step that prints it
        Bindings run = plan.bindings();
        CommandStep generate = (CommandStep) plan.steps().get(0);
        assertEquals(generate.captures(), Captures.secretsAmong(run, generate));
        Captures.bind(run, new CaptureUses(plan.steps(), List.of()), (CommandStep) plan.steps().get(0), "k3y-Zq81\n");
        Captures.bind(run, new CaptureUses(plan.steps(), List.of()), (CommandStep) plan.steps().get(1),
                "Your token: t0k-7731\n");
        assertEquals(List.of(true, true), List.of(run.get("<RANDOM_KEY>").orElseThrow().secret(),
                run.get("<token>").orElseThrow().secret()));
        assertEquals("key <RANDOM_KEY>, token <token>", run.redact("key k3y-Zq81, token t0k-7731"));
        assertFalse(Captures.namesASecret("<port>"));
        assertFalse(Captures.namesASecret("<monkey>"), "a word that only holds 'key'");
    }

    @Test
    void thePortUberspacePortAddOpensIsCapturedForAPlaceholderAfterIt() throws IOException {
        Plan plan = plan(
                portAdd(),
                block("console", 20, "Start it on that port:", """
                        [isabell@stardust ~]$ app serve --listen 0.0.0.0:<port>
                        [isabell@stardust ~]$"""));
        CommandStep portAdd = (CommandStep) plan.steps().get(0);
        assertTrue(portAdd.captures().contains(new Capture("<port>", "Port (\\d+) will be open")), portAdd.captures().toString());
        assertTrue(plan.unbound().isEmpty());
    }

    @Test
    void stepsForTheReadersOwnMachineAreSkippedWithWhyAndASidecarRunsThemAnyway() throws IOException {
        Block[] blocks = {
                block("console", 10, "Forward the port:", """
                        [localuser@localhost ~]$ ssh -L 9000:localhost:9000 isabell@stardust.uberspace.de
                        [localuser@localhost ~]$"""),
                block("console", 20, "Then, on your own computer, open the tunnel:", """
                        [isabell@stardust ~]$ open http://localhost:9000
                        [isabell@stardust ~]$"""),
                block("console", 30, "Back on the server:", """
                        [isabell@stardust ~]$ echo ok
                        ok
                        [isabell@stardust ~]$""")};
        Plan plan = plan(blocks);
        assertEquals("for another machine: the prompt is localuser@localhost", plan.steps().get(0).policy().skip());
        assertEquals("for another machine: the guide says \"on your own computer\"", plan.steps().get(1).policy().skip());
        assertNull(plan.steps().get(2).policy().skip());
        assertNull(plan(block("console", 40, "On the server:", "user@host:~$ echo ok\nok")).steps().get(0).policy().skip(),
                "user@host is the server every guide means by it");
        Files.writeString(dir.resolve("runbook.yaml"), "steps:\n  - n: 1\n    skip: false\n");
        Plan anyway = new Planner(FACTS, Map.of()).plan(Runbook.load(dir), guide(blocks));
        assertNull(anyway.steps().get(0).policy().skip());
    }

    /**
     * A guide whose every command is at the prompt of the reader's laptop installs on the laptop: the target stands
     * in for it. Before, every step was skipped and the run passed with nothing run.
     */
    @Test
    void aGuideAllOnTheReadersOwnComputerRunsThere() throws IOException {
        Block laptop = block("console", 10, "Make the folder:", "alice@laptop:~$ mkdir -p ~/app\nalice@laptop:~$ ls ~");
        Plan alone = plan(laptop, block("ini", 20, "Create ``~/app/app.ini`` with the following content:", "[app]"),
                block("console", 30, "Read it:", "alice@laptop:~$ cat ~/app/app.ini\n[app]"));
        assertEquals(Arrays.asList(null, null, null, null), alone.steps().stream().map(s -> s.policy().skip()).toList());
        Plan beside = plan(laptop, block("console", 20, "On the server:", "alice@web01:~$ echo ok\nok"));
        assertEquals(Arrays.asList("for another machine: the prompt is alice@laptop",
                "for another machine: the prompt is alice@laptop", null),
                beside.steps().stream().map(s -> s.policy().skip()).toList());
    }

    @Test
    void theSupervisordIncludesServiceIsTheServiceTheGuideJustWrote() throws IOException {
        Plan plan = plan(
                block("ini", 10, "Create ``~/etc/services.d/hello.ini`` with the following content:", "[program:hello]\ncommand=hello"),
                block("console", 20, "Tell supervisord:", """
                        [isabell@stardust ~]$ supervisorctl reread
                        SERVICE: available
                        [isabell@stardust ~]$ supervisorctl update
                        SERVICE: added process group
                        [isabell@stardust ~]$"""));
        CommandStep reread = (CommandStep) plan.steps().get(1);
        CommandStep update = (CommandStep) plan.steps().get(2);
        assertEquals("hello: available", reread.expected().get(0).text());
        assertEquals("hello: added process group", update.expected().get(0).text());
    }

    @Test
    void aServerStoppedWithCtrlCIsInterruptedOnceItShowedItsOutput() throws IOException {
        Plan plan = plan(block("console", 10, "Try it, then stop it:", """
                [isabell@stardust ~]$ flask --app start run --port 1024
                ℹ Running on http://127.0.0.1:1024
                ℹ Press CTRL+C to quit
                ^C
                [isabell@stardust ~]$ # it stopped
                [isabell@stardust ~]$"""));
        assertEquals(1, plan.steps().size(), "a comment typed at a prompt is no command");
        CommandStep serve = (CommandStep) plan.steps().get(0);
        assertEquals(List.of(Interaction.interrupt("to quit")), serve.interactions());
        assertEquals(130, serve.policy().expectExit());
    }

    @Test
    void explainSaysWhyEachBlockIsNoStep() throws IOException {
        Plan plan = plan(
                block("console", 10, "Run it:", "[isabell@stardust ~]$ app --version\napp 1.0\n[isabell@stardust ~]$"),
                block("text", 20, "The output should look like this:", "app 1.0 (build 7)"),
                block("ini", 30, "For example:", "[x]\na=1"),
                block("console", 40, "And the log:", "started\n[isabell@stardust ~]$"));
        assertEquals(List.of(new NotAStep("guide.rst", 22, "text", true, "output of step 1"),
                new NotAStep("guide.rst", 32, "ini", true, "ini: prose example"),
                new NotAStep("guide.rst", 42, "console", true, "a session where nothing is typed")), plan.notSteps());
    }

    @Test
    void readmeStyleBashBlocksAreStepsWhoseOutputIsNotChecked() throws IOException {
        Block bare = new Block("fenced", "bash", "info-string", "README.md", 5, 6, 0, Map.of(), null, null, null, false,
                List.of("Install"), List.of(), "Install it:", "# fetch\ncurl -sO https://example.test/app.tgz \\\n  --fail\ntar xf app.tgz\n");
        Guide md = new Guide(Path.of("README.md"), Path.of("."), "markdown", "App", List.of(bare), List.of());
        Runbook runbook = Runbook.load(Files.writeString(dir.resolve("README.md"), "x\n"));
        Plan plan = new Planner(FACTS, Map.of()).plan(runbook, md);
        assertEquals(List.of("curl -sO https://example.test/app.tgz \\\n  --fail", "tar xf app.tgz"),
                plan.steps().stream().map(s -> ((CommandStep) s).command()).toList());
        assertEquals(List.of(7, 9), plan.steps().stream().map(Step::line).toList());
        assertTrue(plan.steps().stream().allMatch(s -> ((CommandStep) s).expected().isEmpty()));
        Guide rst = new Guide(Path.of("guide.rst"), Path.of("."), "rst", "App", List.of(bare), List.of());
        assertEquals(plan.steps(), new Planner(FACTS, Map.of()).plan(runbook, rst).steps(), "in rst too");
        Block example = new Block("code-block", "bash", "attribute", "guide.rst", 5, 6, 0, Map.of(), null, null, null,
                false, List.of("Install"), List.of(), "A wrapper might look like this:", "exec app \"$@\"\n");
        Block script = new Block("code-block", "bash", "attribute", "guide.rst", 9, 10, 0, Map.of(), null, null, null,
                false, List.of("Install"), List.of(), null, "#!/bin/sh\nexec app\n");
        Plan neither = new Planner(FACTS, Map.of()).plan(runbook, new Guide(Path.of("guide.rst"), Path.of("."), "rst",
                "App", List.of(example, script), List.of()));
        assertEquals(List.of(), neither.steps(), "an example and a script in rst are no commands");
        assertEquals(2, neither.notSteps().size());
    }

    @Test
    void everyHighlightersNameForASessionOrPlainTextShowsPromptsAndOnlyASessionsHashIsRoot() throws IOException {
        for (String language : List.of("console", "shell-session", "sh-session", "shellsession", "shell_session",
                "terminal", "Terminal", "bash", "sh", "shell", "zsh", "text", "none", "plaintext", "plain", "txt",
                "nohighlight")) {
            Plan plan = plan(block(language, 3, "Run:", "$ echo hi\nhi"));
            assertEquals(List.of("echo hi"), plan.steps().stream().map(s -> ((CommandStep) s).command()).toList(),
                    language);
        }
        for (String language : List.of("fish", "python", "ini")) {
            assertTrue(plan(block(language, 3, "Run:", "$ echo hi\nhi")).steps().isEmpty(), language);
        }
        for (String language : List.of("shellsession", "terminal")) {
            assertEquals(1, plan(block(language, 3, "As root:", "# apt-get update")).steps().size(), language);
        }
        assertTrue(plan(block("bash", 3, "As root:", "# apt-get update")).steps().isEmpty(),
                "in a script a leading # is a comment");
    }

    @Test
    void outputShownInABlockOfItsOwnIsTheCommandsWhereNothingElseCanHavePrintedIt() throws IOException {
        Block command = block("console", 3, "Check the version:", "$ app --version");
        Block output = new Block("literal_block", null, "default", "guide.rst", 7, 9, 2, Map.of(), null, null, null,
                false, List.of("Guide", "Section"), List.of(), "The output should look like this:", "app 1.2\n...");
        CommandStep checked = (CommandStep) plan(command, output).steps().get(0);
        assertEquals(List.of(ExpectedLine.output(9, "app 1.2"), ExpectedLine.elision(10, "...")), checked.expected());
        assertEquals("output of step 1", plan(command, output).notSteps().get(0).why());

        Block two = block("console", 3, "Check the version:", "$ app --version\n$ app --help");
        assertTrue(((CommandStep) plan(two, output).steps().get(1)).expected().isEmpty(),
                "two commands before: either may have printed it");
        Block shown = block("console", 3, "Check the version:", "$ app --version\napp 1.1");
        assertEquals(List.of(ExpectedLine.output(6, "app 1.1")),
                ((CommandStep) plan(shown, output).steps().get(0)).expected(), "the command's own output stays");
        Block json = new Block("code-block", "json", "explicit", "guide.rst", 7, 9, 2, Map.of(), null, null, null,
                false, List.of("Guide", "Section"), List.of(), "The output should look like this:", "{\"a\": 1}");
        assertTrue(((CommandStep) plan(command, json).steps().get(0)).expected().isEmpty(),
                "a file's format after such prose is as often an example of the file");
        Block returnTo = new Block("literal_block", null, "default", "guide.rst", 7, 9, 2, Map.of(), null, null, null,
                false, List.of("Guide", "Section"), List.of(), "Then return to the config and add:", "x = 1");
        assertTrue(((CommandStep) plan(command, returnTo).steps().get(0)).expected().isEmpty(),
                "\"return to\" says nothing of output");
        for (String leadIn : List.of("You'll see the following:", "Which outputs:", "The response will be similar to:",
                "You should now see the paths of both programs:")) {
            Block after = new Block("literal_block", null, "default", "guide.rst", 7, 9, 2, Map.of(), null, null, null,
                    false, List.of("Guide", "Section"), List.of(), leadIn, "app 1.2");
            assertEquals(List.of(ExpectedLine.output(9, "app 1.2")),
                    ((CommandStep) plan(command, after).steps().get(0)).expected(), leadIn);
        }
    }

    @Test
    void aComparisonOfFilesThatShowsWhatDiffersEndsWithExitStatusOne() throws IOException {
        Plan plan = plan(block("console", 3, "Compare them:", """
                $ diff -u old.txt new.txt
                @@ -1 +1 @@
                -a
                +b
                $ cmp old.txt old.txt
                $ diff --version
                diff (GNU diffutils) 3.8
                $ diff old.txt new.txt | head -1
                1c1"""));
        assertEquals(List.of(1, 0, 0, 0), plan.steps().stream().map(s -> s.policy().expectExit()).toList(),
                "no difference shown, a version, a pipeline: status 0");
    }

    @Test
    void oneTabOfEachSetRunsTheFirstThatNamesALinuxOrAShellElseTheFirst() throws IOException {
        Plan plan = plan(inTab("$ brew install x", "tab 5: macOS"), inTab("$ apt-get install x", "tab 5: Debian/Ubuntu"),
                inTab("$ dnf install x", "tab 5: Fedora"), inTab("$ pip install x", "tab 9: pip"),
                inTab("$ conda install x", "tab 9: conda"), inTab("$ pip install y", "tab 9: pip"),
                inTab("$ make", "tab 12: Source", "tab 14: Linux"), inTab("$ make mac", "tab 12: Source", "tab 14: Mac"),
                inTab("$ fetch", "tab 12: Binary"));
        assertEquals(List.of("apt-get install x", "pip install x", "pip install y", "make"),
                plan.steps().stream().map(s -> ((CommandStep) s).command()).toList());
        assertEquals("in the tab \"macOS\" of the tabs at line 5, where the run follows \"Debian/Ubuntu\"",
                plan.notSteps().get(0).why());
    }

    private static Block inTab(String text, String... tabs) {
        return new Block("fenced", "console", "info-string", "guide.md", 20, 21, 0, Map.of(), null, null, null, false,
                List.of("Guide"), List.of(tabs), "Install:", text);
    }

    @Test
    void aSphinxPromptBlockIsCommandsAndWithAutoASession() throws IOException {
        Block commands = new Block("prompt", "bash", "explicit", "guide.rst", 5, 7, 3, Map.of("prompts", "$"), null,
                null, null, false, List.of("Guide"), List.of(), "Create ``~/app/app.ini``:",
                "mkdir -p ~/app\ntouch ~/app/app.ini");
        Plan plan = plan(commands);
        assertEquals(List.of("mkdir -p ~/app", "touch ~/app/app.ini"),
                plan.steps().stream().map(s -> ((CommandStep) s).command()).toList(),
                "commands, though the prose names a file");
        Block auto = new Block("prompt", "bash", "explicit", "guide.rst", 9, 11, 3,
                Map.of("prompts", "$", "modifiers", "auto"), null, null, null, false, List.of("Guide"), List.of(),
                "Check:", "$ cat ~/app/app.ini\n[app]");
        assertEquals(List.of(ExpectedLine.output(12, "[app]")),
                ((CommandStep) plan(auto).steps().get(0)).expected(), "with auto, what follows a prompt is output");
    }

    @Test
    void aCaptionThatIsAPathNamesTheFileAndOneInWordsNone() throws IOException {
        Block named = new Block("code-block", "ini", "explicit", "guide.rst", 5, 8, 3,
                Map.of("caption", "~/etc/app.ini"), null, null, null, false, List.of("Guide"), List.of(),
                "Create it:", "[app]\nport = 1");
        assertEquals("create:~/etc/app.ini", verbs(plan(named)));
        Block words = new Block("code-block", "ini", "explicit", "guide.rst", 5, 8, 3,
                Map.of("caption", "The settings"), null, null, null, false, List.of("Guide"), List.of(),
                "Create it:", "[app]\nport = 1");
        assertEquals("", verbs(plan(words)));
    }

    @Test
    void aJsonObjectIsNeverAppendedAndTheFileNamedAboveANoteIsTheOneTheReasonNames() throws IOException {
        Path file = Files.writeString(dir.resolve("guide_json.rst"), """
                Configuration
                =============

                To serve the files, add the following entry to ``~/.app.conf``:

                .. warning:: Replace ``bob`` with your user name!

                .. code-block:: text

                 {
                   "root": "/home/bob/data"
                 }
                """);
        Plan plan = new Planner(FACTS, Map.of()).plan(Runbook.load(file), dev.rehearse.read.Guides.read(file));
        assertEquals("", verbs(plan), "appended, the object would break the JSON file");
        assertEquals(List.of("text: a change to ~/.app.conf that only a merge of yaml, ini or toml can make"),
                plan.notSteps().stream().map(NotAStep::why).toList());
    }

    @Test
    void aPlaceNamedAboveANoteIsAnInsertionAndAScriptForACronjobIsStillAScript() throws IOException {
        Path file = Files.writeString(dir.resolve("guide_notes.rst"), """
                Tuning
                ======

                Add this to your ``app_daemon`` above the ``~/app/app`` call:

                .. note:: Users of the site see no change.

                .. code-block:: bash

                 export APP_CLOSED=true

                Update script
                =============

                Use the following script; it could also run from a cronjob.

                .. warning:: Keep a backup.

                .. code-block:: bash

                 #!/bin/bash
                 git pull
                """);
        Plan plan = new Planner(FACTS, Map.of()).plan(Runbook.load(file), dev.rehearse.read.Guides.read(file));
        assertEquals(List.of("bash: an insertion at a place in the file (\"above the ``~/app/app`` call\"), not applied",
                "bash: a script with no file named to save it in"), plan.notSteps().stream().map(NotAStep::why).toList());
    }

    @Test
    void aServerLeftRunningIsStoppedWhereTheProseSaysCtrlCOrTheNextBlockShowsIt() throws IOException {
        Path file = Files.writeString(dir.resolve("guide_serve.rst"), """
                Install
                =======

                .. code-block:: console

                 [isabell@stardust ~]$ npm install
                 added 3 packages
                 [isabell@stardust ~]$

                Build the assets and stop the watcher with ``Ctrl+C``:

                .. code-block:: console

                 [isabell@stardust ~]$ app serve
                 Listening on port 8080

                If the page loads, stop the server with ``Ctrl-C``.

                Later
                =====

                .. code-block:: console

                 [isabell@stardust ~]$ app worker
                 worker ready

                Then stop it:

                .. code-block:: console

                 worker ready
                 ^C
                 [isabell@stardust ~]$

                Quiet
                =====

                This daemon ignores Ctrl-C, on purpose.

                .. code-block:: console

                 [isabell@stardust ~]$ app daemon
                 daemon up
                """);
        Plan plan = new Planner(FACTS, Map.of()).plan(Runbook.load(file), dev.rehearse.read.Guides.read(file));
        assertEquals(List.of("", "on port", "worker ready", ""), plan.steps().stream().map(s -> ((CommandStep) s)
                .interactions().stream().filter(Interaction::interrupts).map(Interaction::prompt).findFirst().orElse(""))
                .toList(), "npm install ends at its prompt: the Ctrl+C of the prose after it is the next block's; "
                + "a mention of Ctrl-C is no instruction");
        assertEquals(List.of(0, 130, 130, 0), plan.steps().stream().map(s -> s.policy().expectExit()).toList());
    }

    @Test
    void aCommandThatFollowsItsOutputIsStoppedWithCtrlC() throws IOException {
        Plan plan = plan(block("console", 10, "Watch the log:", """
                [isabell@stardust ~]$ tail -f ~/logs/app.log
                [isabell@stardust ~]$ supervisorctl tail -f app
                Listening on port 8080
                [isabell@stardust ~]$ journalctl --user -u app --follow
                [isabell@stardust ~]$ sudo docker compose logs -n 20 -f web
                [isabell@stardust ~]$ watch -n 5 df -h
                [isabell@stardust ~]$ ping -c 3 example.org
                [isabell@stardust ~]$ tail -n 20 ~/logs/app.log
                [isabell@stardust ~]$ top -b -n 1
                [isabell@stardust ~]$ tail -f ~/logs/app.log | grep ERROR"""));
        assertEquals(List.of("", "", "", "", "", "-", "-", "-", "-"), plan.steps().stream().map(s -> ((CommandStep) s)
                .interactions().stream().filter(Interaction::interrupts).map(Interaction::prompt).findFirst().orElse("-"))
                .toList(), "once the output is still, whatever the guide shows of a log");
        assertEquals(List.of(130, 130, 130, 130, 130, 0, 0, 0, 0), plan.steps().stream().map(s -> s.policy().expectExit()).toList());
    }

    @Test
    void anEditorIsSkippedAndTheBlockAfterItChangesTheFileItOpened() throws IOException {
        Plan plan = plan(
                block("console", 10, "Edit the configuration with an editor such as ``nano``:",
                        "[isabell@stardust ~]$ nano ~/.app/configuration.yaml"),
                block("yaml", 20, "Add the following lines at the bottom of the file:", "http:\n  port: 8123"));
        assertEquals("opens the editor nano: the change to make in it is the guide's next block", plan.steps().get(0).policy().skip());
        assertEquals("command merge:~/.app/configuration.yaml:yaml", verbs(plan));
    }

    @Test
    void aPlaceholderInAFilesContentIsBoundToWhatTheGuideSaysOfItAndOnlyOfIt() throws IOException {
        Plan plan = plan(
                portAdd(),
                block("ini", 20, "Create ``~/app/app.ini`` with the following content. Replace ``<username>`` with your "
                        + "username and ``<domain>`` with your domain:", "home=/home/<username>\nhost=<domain>\nport=<your_port>"));
        assertEquals("bob", plan.bindings().get("<username>").orElseThrow().value());
        assertEquals("bob.devbox.test", plan.bindings().get("<domain>").orElseThrow().value(), "not the user: the words after it");
        assertEquals(List.of("<your_port>"), ((CommandStep) plan.steps().get(0)).captures().stream().map(Capture::literal)
                .filter(l -> l.startsWith("<")).toList(), "the port the step opened, carried into the file");
        assertEquals(List.of(), plan.unbound());
    }

    @Test
    void aFileNameAndTheFolderTheProseSaysItGoesInMakeOnePath() throws IOException {
        Plan plan = plan(
                block("ini", 10, "Place the file ``app.ini`` in ``~/etc/services.d/`` and adapt it accordingly:", "[program:app]"),
                block("sh", 20, "Create a small script, ``run.sh`` in ``~/app`` with the following content.", "exec app"),
                block("ini", 30, "Go to ``$HOME/etc/php.d/``, create ``limits.ini`` and add the following lines:", "memory_limit=1G"),
                block("php", 40, "Add the following configuration to the ``settings.php`` file.", "$x = 1;"));
        assertEquals("create:~/etc/services.d/app.ini create:~/app/run.sh create:$HOME/etc/php.d/limits.ini "
                + "append:settings.php", verbs(plan));
    }

    @Test
    void aFileStepAmongTheCommandsOfTheReadersOwnMachineIsTheirsToo() throws IOException {
        Plan plan = plan(
                block("console", 10, "Sync:", "[isabell@local ~]$ task sync\n[isabell@local ~]$"),
                block("bash", 20, "You might add the following to your ``~/.bashrc.local``:", "alias t=task"),
                block("console", 30, "Then:", "[isabell@local ~]$ t add x\n[isabell@local ~]$"),
                block("bash", 40, "On the server, add this to ``~/.bashrc``:", "export A=1"));
        assertEquals("for another machine: the prompt is isabell@local", plan.steps().get(1).policy().skip());
        assertNull(plan.steps().get(3).policy().skip(), "after the last of their commands: the host's own");
    }

    @Test
    void theBlockAfterACopyGoesIntoTheCopy() throws IOException {
        Plan plan = plan(
                block("console", 10, "Copy the example and edit it with your favourite editor.",
                        "[isabell@stardust ~]$ cd ~/app\n[isabell@stardust app]$ cp .env.example .env\n[isabell@stardust app]$"),
                block("ini", 20, "In here you need to enter your database credentials:", "DB_USER='bob'"));
        assertEquals("command command merge:.env:ini", verbs(plan));
    }

    /**
     * A dotenv file of one environment or machine ({@code .env.local}, as Symfony's and Next.js's apps keep their
     * own settings) takes its keys as {@code .env} does: a merge of ini's. Before, the change was no step.
     */
    @Test
    void aDotenvFileOfOneMachineIsMergedAsDotenvIs() throws IOException {
        Plan plan = plan(
                block("console", 10, "Create a copy of the default configuration file:",
                        "[isabell@stardust app]$ cp .env .env.local\n[isabell@stardust app]$"),
                block("ini", 20, "Now modify the ``.env.local`` configuration file:",
                        "DATABASE_URL=mysql://isabell:password@127.0.0.1:3306/isabell_app\nAPP_ENV=prod"));
        assertEquals("command merge:.env.local:ini", verbs(plan));
        assertEquals("merge:~/app/.env.production:ini", verbs(plan(block("ini", 20,
                "Set the mailer in ``~/app/.env.production``:", "MAILER_DSN=smtp://localhost:25"))));
    }
}
