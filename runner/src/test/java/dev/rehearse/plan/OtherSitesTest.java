package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.model.Interaction;
import dev.rehearse.read.Guides;
import dev.rehearse.testing.Blocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.rehearse.testing.Blocks.block;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text of other documentation sites than those Rehearse was first written for, planned with no sidecar: each case
 * was read wrong before (a guide a tester wrote in the site's style showed it).
 */
class OtherSitesTest {
    @TempDir
    Path dir;

    private Plan plan(Block... blocks) throws IOException {
        return Blocks.plan(dir, blocks);
    }

    private static List<String> commands(Plan plan) {
        return plan.steps().stream().map(s -> ((CommandStep) s).command()).toList();
    }

    private CommandStep only(Block block) throws IOException {
        Plan plan = plan(block);
        assertEquals(1, plan.steps().size(), plan.steps().toString());
        return (CommandStep) plan.steps().get(0);
    }

    @Test
    void anInstructionToPrintIsNoOutputOfTheStepBeforeWhileOutputSaidSoIs() throws IOException {
        Block run = block("console", 10, "Create a file:", "$ echo one > ~/f.txt");
        for (String instruction : List.of("Print the number of lines:", "Now print the count:",
                "Use wc to print the number of lines:", "Return to the folder and count the lines:")) {
            Plan plan = plan(run, block("", 20, instruction, "wc -l < ~/f.txt"));
            assertFalse(plan.notSteps().get(0).showsOutput(), instruction + ": " + plan.notSteps());
        }
        for (String saysOutput : List.of("Output:", "The output of the command:", "It prints:", "Result:")) {
            Plan plan = plan(run, block("", 20, saysOutput, "1"));
            assertEquals("output of step 1", plan.notSteps().get(0).why(), saysOutput);
        }
    }

    @Test
    void aBlockTheProseSaysNotToTypeIsSkippedWithTheReasonButHowOrWhenToRunItIsNoSuchWord() throws IOException {
        Map<String, String> warned = Map.of(
                "**Do not run the following command.** It is shown so you recognise it; it deletes your notes:",
                "the guide says not to run it: \"Do not run the following command\"",
                "Never run this:", "the guide says not to run it: \"Never run this\"",
                "Avoid this mistake too (wrong, do not copy):", "the guide says not to run it: \"do not copy\"",
                "Don't do this!", "the guide says not to run it: \"Don't do this\"",
                "Wrong:", "the guide shows it as what not to do: \"Wrong:\"",
                "**Bad example:**", "the guide shows it as what not to do: \"**Bad example:\"",
                "\u274C This wipes the folder:", "the guide shows it as what not to do: \"\u274C\"");
        for (Map.Entry<String, String> prose : warned.entrySet()) {
            Plan plan = plan(block("console", 10, prose.getKey(), "$ rm -rf ~/notes"),
                    block("console", 20, "Your notes are still there:", "$ ls ~/notes"));
            assertEquals(prose.getValue(), plan.steps().get(0).policy().skip(), prose.getKey());
            assertNull(plan.steps().get(1).policy().skip(), prose.getKey());
        }
        // at the reader's own prompt too, which a guide of that machine alone would run
        assertEquals("the guide says not to run it: \"Never run this\"", plan(block("console", 10, "Never run this:",
                "alice@laptop:~$ rm -rf ~/notes")).steps().get(0).policy().skip());
        for (String runs : List.of("Do not run it as root; as your own user:", "Don't run the following before the "
                + "backup is done, then:", "Do not run `npm audit fix`. Instead:", "Never run it with sudo:",
                "To avoid errors, run:", "Since we do not run a public server we have to add users:",
                "Don't forget to restart it:", "Bad things happen if you skip this. Run:")) {
            assertNull(only(block("console", 10, runs, "$ rm -rf ~/notes")).policy().skip(), runs);
        }
    }

    @Test
    void aBlockOfferedInPlaceOfTheWayBeforeIsSkippedWithTheReasonButAnOptionOnTopIsRun() throws IOException {
        Map<String, String> offered = Map.of(
                "Or build from source:", "the guide offers it as another way: \"Or build from source\"",
                "**Or**, with yarn:", "the guide offers it as another way: \"Or, with yarn\"",
                "Alternatively you can download the full default configuration from the project repository:",
                "the guide offers it as another way: \"Alternatively you can download the full default "
                        + "configuration from the project repository\"",
                "As an alternative, fetch it with curl. It is smaller:",
                "the guide offers it as another way: \"As an alternative, fetch it with curl\"");
        for (Map.Entry<String, String> prose : offered.entrySet()) {
            Plan plan = plan(block("console", 10, "Install it with the package manager:", "$ pip install tool"),
                    block("console", 20, prose.getKey(), "$ make install"),
                    block("console", 30, "Then check it:", "$ tool --version"));
            assertNull(plan.steps().get(0).policy().skip(), prose.getKey());
            assertEquals(prose.getValue(), plan.steps().get(1).policy().skip(), prose.getKey());
            assertNull(plan.steps().get(2).policy().skip(), prose.getKey());
        }
        for (String onTop : List.of("Optionally, verify the download:", "You can also check it, or skip this:",
                "Order the list:", "Or later, once it runs, check it:", "Orient the config file:",
                "Run it, or the service will not start:")) {
            assertNull(only(block("console", 10, onTop, "$ make install")).policy().skip(), onTop);
        }
    }

    @Test
    void aCommandFollowedByEchoOfItsStatusExpectsTheStatusEchoShows() throws IOException {
        Map<String, Integer> shown = Map.of(
                "$ test -e /nonexistent\n$ echo $?\n1", 1,
                "$ grep -rn TODO .\n$ echo \"grep said $?\"\ngrep said 1", 1,
                "$ curl -s http://localhost:9/\n$ echo \"exit: $?\"\nexit: 7", 7,
                "$ test -e /etc/passwd\n$ echo $?\n0", 0,
                "$ false\n$ echo '$?'\n$?", 0,
                "$ false\n$ echo $? $HOME\n1 /home/bob", 0,
                "$ false\n$ echo $?\n1\n2", 0);
        for (Map.Entry<String, Integer> transcript : shown.entrySet()) {
            Plan plan = plan(block("console", 10, "Print the status:", transcript.getKey()));
            assertEquals(transcript.getValue(), plan.steps().get(0).policy().expectExit(), transcript.getKey());
            assertEquals(0, plan.steps().get(1).policy().expectExit(), transcript.getKey());
        }
        Plan apart = plan(block("console", 10, "Look for it:", "$ test -e /nonexistent"),
                block("console", 20, "Its status:", "$ echo $?\n1"));
        assertEquals(1, apart.steps().get(0).policy().expectExit(), "the echo in a block of its own");
    }

    @Test
    void theWholeFileSaidOtherwiseThanCreateIsWrittenWhole() throws IOException {
        for (String prose : List.of("Replace the contents of `~/app/config.json` with the following:",
                "Replace the entire content of `~/app/config.json` with:",
                "Update `~/app/config.json` so that it reads:", "Change `~/app/config.json` so it looks like this:",
                "Overwrite `~/app/config.json` with:")) {
            Plan plan = plan(block("json", 10, prose, "{\"debug\": true}"));
            WriteStep write = (WriteStep) plan.steps().get(0);
            assertEquals("~/app/config.json", write.path(), prose);
            assertFalse(write.append(), prose);
        }
        assertTrue(plan(block("json", 10, "Update `~/app/config.json` so it stays fast, as in:", "{\"a\": 1}"))
                .steps().isEmpty(), "no whole file said");
        Plan merged = plan(block("ini", 10, "If your deploy does not overwrite your environment, use the `touch-reload` "
                + "option in your `~/app/uwsgi.ini`:", "touch-reload = /home/bob/app/start.py"));
        assertEquals("edit", merged.steps().get(0).kind(), "an overwrite said of something else");
    }

    /**
     * Tutorials for programmers name a source file by its name alone, in backticks or after "a file called" (Go's
     * and Git's: "Create a file called main.go"), and write it in the folder the session stands in. Before, only
     * configuration files' extensions counted, and the file was never written.
     */
    @Test
    void aSourceFileNamedAloneOrCalledSoIsWrittenWhereTheSessionStands() throws IOException {
        for (String prose : List.of("Create `hello.c` with this content:", "Save this as `src.rs`:", "Write `hello.c`:",
                "Open a new file called `App.tsx` and add:", "Create a file called main.go:",
                "And a second file named util.go next to it:", "Create a new file named Program.cs in that folder.")) {
            Plan plan = plan(block("c", 10, prose, "int main(void) { return 0; }"));
            assertEquals(1, plan.steps().size(), prose + ": " + plan.notSteps());
            WriteStep write = (WriteStep) plan.steps().get(0);
            assertFalse(write.path().contains("/"), prose + ": " + write.path());
            assertFalse(write.append(), prose);
        }
        for (String prose : List.of("Create a site named after the domain, example.com:",
                "Create a release called 1.0 with:", "Use a file called the way you like:")) {
            assertTrue(plan(block("c", 10, prose, "int x;")).steps().isEmpty(), prose);
        }
    }

    /**
     * Tutorials head a listing with its file's name in a comment ({@code # hello.py}, {@code // src/main.rs}), under
     * prose that names no file: the block is that file. Before, it was a prose example, and the next command, which
     * runs the file, failed. A shell's block, or one of no language, begins with a remark on its commands.
     */
    @Test
    void aListingHeadedByItsFileNameInACommentIsThatFile() throws IOException {
        Map<String, String> named = Map.of("python", "# hello.py\nprint('hi')", "rust", "// src/main.rs\nfn main() {}",
                "html", "<!-- index.html -->\n<p>hi</p>", "sql", "-- schema.sql\ncreate table t (id int);",
                "css", "/* static/site.css */\nbody { margin: 0 }");
        for (Map.Entry<String, String> listing : named.entrySet()) {
            Plan plan = plan(block(listing.getKey(), 10, "Here is the program:", listing.getValue()));
            assertEquals(1, plan.steps().size(), listing + ": " + plan.notSteps());
            WriteStep write = (WriteStep) plan.steps().get(0);
            String first = listing.getValue().lines().findFirst().orElseThrow();
            assertTrue(first.contains(write.path()), listing + ": " + write.path());
            assertFalse(write.append());
        }
        Plan whole = plan(block("html", 10, "Create the template `~/site/templates/index.html`:",
                "<!-- templates/index.html -->\n<p>hi</p>"));
        assertEquals("~/site/templates/index.html", ((WriteStep) whole.steps().get(0)).path(), "the prose's whole path");
        assertEquals("command", plan(block("bash", 10, "Here it is:", "# setup.sh\necho hi")).steps().get(0).kind());
        for (String text : List.of("# TODO tidy this\nprint(1)", "#!/usr/bin/env python3\nprint(1)",
                "# -*- coding: utf-8 -*-\nprint(1)", "# version\nprint(1)")) {
            assertTrue(plan(block("python", 10, "Here is the program:", text)).steps().isEmpty(), text);
        }
    }

    /** "Write ... to" a path asks for the file; before, a script's lines after it ran as commands. */
    @Test
    void aBlockWrittenToAPathIsThatFile() throws IOException {
        for (String prose : List.of("Write the start script to `~/tool/start.sh`:", "Write this to `~/tool/start.sh`:",
                "Write the following into ~/tool/start.sh:", "Write it as `~/tool/start.sh`:")) {
            Plan plan = plan(block("bash", 10, prose, "#!/bin/sh\necho started"));
            assertEquals("~/tool/start.sh", ((WriteStep) plan.steps().get(0)).path(), prose);
        }
        Plan test = plan(block("bash", 10, "Write a test to check `~/x.py`:", "python3 -m pytest ~/x.py"));
        assertEquals("command", test.steps().get(0).kind(), "to do something, not to a file");
    }

    /** A yaml block in a section of its own, as the 2026 Synapse guide's database settings are. */
    private static Block yamlIn(String section, int line, String prose, String text) {
        return new Block("code-block", "yaml", "explicit", "guide.rst", line, line + 2, 2, Map.of(), null, null, null,
                false, List.of("Guide", section), List.of(), prose, text);
    }

    @Test
    void proseThatPointsBackToTheConfigFileChangesTheLastOneOfItsKind() throws IOException {
        Block named = yamlIn("Listen", 10, "Set the port in the config file `~/app/config.yaml`:", "port: 8008");
        for (String prose : List.of("Modify the config file again to give it the database:",
                "Then add the database to this file:", "Set the database in the same file:")) {
            Plan plan = plan(named, yamlIn("Database", 40, prose, "database:\n  name: psycopg2"));
            EditStep edit = (EditStep) plan.steps().get(1);
            assertEquals("~/app/config.yaml", edit.path(), prose);
        }
        for (String prose : List.of("Add this to a yaml file of your own:", "Modify the config file again:")) {
            Plan none = plan(prose.contains("own") ? named : block("console", 10, "Start:", "$ app start"),
                    yamlIn("Database", 40, prose, "database:\n  name: psycopg2"));
            assertEquals("yaml: no file named", none.notSteps().get(0).why(), prose);
        }
    }

    @Test
    void aChoiceOfWordsIsItsFirstAndAPlaceholderTheExampleItsProseGives() throws IOException {
        Plan plan = plan(block("console", 10, "Generate the config:",
                        "$ app --generate-config --report-stats=[yes|no]\n$ service app <start|stop>\n$ app {on|off}"),
                block("console", 20, "Replace `<project-name>` with the name of your project, for example `demo`:",
                        "$ mkdir -p ~/projects/<project-name>"),
                block("console", 30, "Give `<tag>` a name, e.g. ``v1``, and `<port>` for example 8080:",
                        "$ git tag <tag>"));
        assertEquals(List.of("app --generate-config --report-stats=yes", "service app start", "app on",
                "mkdir -p ~/projects/demo", "git tag v1"),
                plan.steps().stream().map(s -> plan.bindings().apply(((CommandStep) s).command())).toList());
        assertEquals(List.of(), plan.unbound());
        Plan unsaid = plan(block("console", 10, "Replace `<project-name>` with the name of your project:",
                "$ mkdir -p ~/projects/<project-name>"));
        assertEquals(1, unsaid.unbound().size(), "no example given: the reader's to bind");
    }

    @Test
    void gentooSuseAndNamedRootPromptsAreSessionsAndRhelsLocalhostAsRootIsTheServer() throws IOException {
        Plan plan = plan(
                block("console", 10, "As a user:", "user $ echo user\nuser"),
                block("", 20, "As root:", "root # echo root\nroot\nlivecd ~ # echo cwd\ncwd"),
                block("console", 30, "In the chroot:", "(chroot) livecd # echo chroot\nchroot"),
                block("console", 40, "On SUSE:", "myhost:~ # echo suse\nsuse"),
                block("console", 50, "A root shell with no PS1:", "bash-5.1# echo bash\nbash"),
                block("console", 60, "On RHEL:", "[root@localhost ~]# echo rhel\nrhel"));
        assertEquals(List.of("echo user", "echo root", "echo cwd", "echo chroot", "echo suse", "echo bash",
                "echo rhel"), commands(plan));
        assertTrue(plan.steps().stream().allMatch(s -> s.policy().skip() == null), plan.steps().toString());
        assertEquals("for another machine: the prompt is user@localhost",
                plan(block("console", 70, "On RHEL:", "[user@localhost ~]$ echo mine"),
                        block("console", 80, "On the server:", "[root@web01 ~]# echo server")).steps().get(0)
                        .policy().skip());
        Plan fedora = plan(block("console", 10, "Make a folder:", "[user@localhost ~]$ mkdir -p ~/work"),
                block("console", 20, "Then:", "[user@localhost ~]$ cd ~/work"),
                block("console", 30, "As root:", "[root@localhost ~]# echo rhel"));
        assertTrue(fedora.steps().stream().allMatch(s -> s.policy().skip() == null),
                "every prompt on localhost: the guide's own machine, not the reader's: " + fedora.steps());
    }

    @Test
    void aValueWithAHashCommentIsNoPromptOfAWord() throws IOException {
        Plan plan = plan(block("", 10, "The config holds:", "retries # how often"),
                block("", 20, "Set:", "PermitRootLogin no # the default"));
        assertEquals(List.of(), plan.steps());
    }

    @Test
    void psqlsPromptsInATransactionInParenthesesAndQuotesAreTyped() throws IOException {
        CommandStep psql = only(block("console", 10, "Then:", """
                $ psql -U postgres
                postgres=# BEGIN;
                BEGIN
                postgres=*# CREATE TABLE t (
                postgres(*# a int);
                CREATE TABLE
                postgres=*# SELECT 'a
                postgres'*# b';
                postgres=*# COMMIT;
                COMMIT
                postgres=# \\q"""));
        assertEquals(List.of("postgres=#", "postgres=*#", "postgres(*#", "postgres=*#", "postgres'*#", "postgres=*#",
                "postgres=#"), psql.interactions().stream().map(Interaction::prompt).toList());
    }

    @Test
    void nodesAndRedisReplsAreTypedIntoAndABareAngleIsNoPromptElsewhere() throws IOException {
        CommandStep node = only(block("console", 10, "Try it:", "$ node\n> 1 + 1\n2\n> .exit"));
        assertEquals(List.of(new Interaction(">", "1 + 1", false, false, null),
                new Interaction(">", ".exit", false, false, null)), node.interactions());
        CommandStep redis = only(block("console", 20, "Then:", "$ redis-cli\n127.0.0.1:6379> PING\nPONG\n"
                + "127.0.0.1:6379> quit"));
        assertEquals("127.0.0.1:6379>", redis.interactions().get(0).prompt());
        CommandStep quote = only(block("console", 30, "Mail it:", "$ cat mail.txt\n> quoted line\nreply"));
        assertEquals(List.of(), quote.interactions(), "a quoted line is output but after node");
    }

    @Test
    void outputCutInWordsIsAnElision() {
        for (String mark : List.of("...output omitted...", "<snip>", "--snip--", "(output truncated)",
                "<output truncated>", "[output truncated]", "[truncated]", "...snip...", "# ...", "// ...",
                "[12 lines omitted]", "(some output removed for brevity)", "[... 9 more lines ...]", "[9 more lines]",
                "... 9 more lines ...", "(9 more lines)", "... (9 more lines)", "... and 9 more", "(and 9 more)",
                "<9 more lines>", "# 9 more lines", "# ... 9 more lines", "-- 9 more lines --", "\u22EE",
                "---> 100%")) {
            assertTrue(Elisions.is(mark), mark);
        }
        for (String output : List.of("removed", "skipped", "truncated", "snip", "the file was removed", "9 more lines",
                "3 more", "and more", "Got 9 more lines (from cache)",
                "Output truncated to 80 columns by the terminal driver of the machine")) {
            assertFalse(Elisions.is(output), output);
        }
    }

    @Test
    void stepsForWindowsOrAMacAreSkippedUnlessTheProseNamesLinuxToo() throws IOException {
        Plan plan = plan(
                block("console", 10, "On Linux and macOS, activate it with:", "$ source .venv/bin/activate"),
                block("console", 20, "On Windows, activate it with:", "$ .venv\\Scripts\\activate"),
                block("console", 30, "macOS users install it with Homebrew:", "$ brew install tree"),
                block("console", 40, "Then:", "$ .\\venv\\Scripts\\activate.bat"),
                block("console", 50, "Install it with:", "$ choco install git"));
        assertNull(plan.steps().get(0).policy().skip());
        assertEquals("for another machine: the guide says \"On Windows\"", plan.steps().get(1).policy().skip());
        assertEquals("for another machine: the guide says \"macOS users\"", plan.steps().get(2).policy().skip());
        assertEquals("for another machine: \"\\Scripts\\activate\" is Windows'", plan.steps().get(3).policy().skip());
        assertEquals("for another machine: \"choco\" is Windows'", plan.steps().get(4).policy().skip());
    }

    @Test
    void windowsBlocksAndSessionsWithoutAPromptSayWhyTheyAreNoSteps() throws IOException {
        Plan plan = plan(
                block("powershell", 10, "On Windows:", "Get-Date"),
                block("console", 20, "Or:", "PS C:\\Users\\you> Get-Date"),
                block("console", 30, null, "admin@router> show version"));
        assertEquals(List.of("powershell: a Windows shell's commands, not run here",
                "console: a Windows prompt (PS C:\\Users\\you>), not run here",
                "console: no line starts with a shell prompt it knows ($, #, user@host:~$, ...)"),
                plan.notSteps().stream().map(NotAStep::why).toList());
    }

    @Test
    void anotherSitesExampleHomeIsTheTargetsHomeWhereTheGuideNamesNoOtherExampleUser() throws IOException {
        Plan pi = plan(block("console", 10, "Check:", "$ echo $HOME\n/home/pi"));
        assertEquals("/home/bob", pi.bindings().get("/home/pi").orElseThrow().value());
        Plan two = plan(block("console", 10, "Check:", "$ ls /home/pi /home/you\n/home/pi:\n/home/you:"));
        assertTrue(two.bindings().get("/home/pi").isEmpty(), "two example homes: neither is the target's");
        assertTrue(pi.bindings().get("pi").isEmpty(), "pi is a word too");
        Plan alice = plan(block("console", 10, "Check:", "$ echo $HOME\n/home/alice\n$ whoami\nalice"));
        assertEquals("bob", alice.bindings().get("alice").orElseThrow().value(), "alice is no word: the user");
        Plan real = plan(block("console", 10, "Check:", "$ ls /home/git\nrepos"));
        assertTrue(real.bindings().get("/home/git").isEmpty(), "a service's home is no example");
    }

    @Test
    void promptsThatSayWhatToTypeAndAWizardsFirstBareQuestionAreAnswered() throws IOException {
        CommandStep apply = only(block("console", 10, "Apply:",
                "$ terraform apply\n  Enter a value: yes\nApply complete!"));
        assertEquals(List.of(new Interaction("Enter a value:", "yes", false, false, null)), apply.interactions());
        CommandStep wizard = only(block("console", 20, "Create the admin:", """
                $ python3 manage.py createsuperuser
                Username: admin
                Email address: admin@example.com
                Superuser created successfully."""));
        assertEquals(List.of("Username:", "Email address:"),
                wizard.interactions().stream().map(Interaction::prompt).toList());
        CommandStep show = only(block("console", 30, "Show it:", "$ pip show rehearse\nName: rehearse\nVersion: 1.0"));
        assertEquals(List.of(), show.interactions(), "a listing of fields asks nothing");
    }

    @Test
    void linesTypedIntoCatAndEndedWithCtrlDAreTypedThenTheInputEnds() throws IOException {
        CommandStep cat = only(block("console", 10, "Type it, then Ctrl-D:", "$ cat > ~/notes.txt\nhello\nworld\n^D"));
        assertEquals(List.of(new Interaction("", "hello\nworld", false, false, null),
                new Interaction("", "", false, true, null)), cat.interactions());
    }

    @Test
    void aWatchOfKubectlOrDockerEventsIsStoppedOnceItsOutputIsStill() throws IOException {
        for (String watch : List.of("kubectl get pods --watch", "kubectl get pods -w", "docker events", "docker stats",
                "dmesg -w")) {
            CommandStep step = only(block("console", 10, "Watch:", "$ " + watch));
            assertEquals(List.of(Interaction.interrupt("")), step.interactions(), watch);
        }
        assertEquals(List.of(), only(block("console", 10, "Once:", "$ docker stats --no-stream")).interactions());
    }

    @Test
    void anEditorOpenedAsAnotherUserOrByDebiansNameIsAPersonsStep() throws IOException {
        for (String editor : List.of("sudo -u git -H editor config/gitlab.yml", "sudo nano /etc/gitlab/gitlab.rb",
                "editor ~/app.yml", "sudoedit /etc/hosts")) {
            assertTrue(only(block("console", 10, "Edit it:", "$ " + editor)).policy().skip().startsWith("opens the "),
                    editor);
        }
    }

    /** GitLab's docs fence output as {@code shell}: after "Example output:" it is the output, not a command. */
    @Test
    void exampleOutputInAShellFenceIsTheOutputOfTheStepBefore() throws IOException {
        Plan plan = markdown("""
                Check the version:

                ```shell
                gitlab-rake gitlab:env:info
                ```

                Example output:

                ```shell
                16.5.1
                ```
                """);
        assertEquals(1, plan.steps().size(), plan.steps().toString());
        assertEquals("output of step 1", plan.notSteps().get(0).why());
        Plan run = markdown("""
                Check the version:

                ```shell
                gitlab-rake gitlab:env:info
                ```

                Run this to see the output:

                ```shell
                gitlab-rake gitlab:check
                ```
                """);
        assertEquals(2, run.steps().size(), "a block the prose asks to run runs, whatever output it mentions");
    }

    /** A script's output shown after it is its last command's where every command before prints nothing. */
    @Test
    void outputAfterAScriptIsItsLastCommandsWhereTheOthersPrintNothing() throws IOException {
        String script = """
                Make the notes:

                ```bash
                mkdir -p ~/notes && cd ~/notes
                echo one > a.txt
                %s
                ```

                Output:

                ```
                a.txt
                ```
                """;
        Plan checked = markdown(script.formatted("ls"));
        assertEquals(3, checked.steps().size(), checked.steps().toString());
        assertEquals(List.of("a.txt"), ((CommandStep) checked.steps().get(2)).expected().stream()
                .map(ExpectedLine::text).toList());
        Plan twoPrint = markdown(script.formatted("cat a.txt\nls"));
        assertEquals(List.of(), ((CommandStep) twoPrint.steps().get(3)).expected(), "cat prints too");
        assertEquals("output of step 4", twoPrint.notSteps().get(0).why());
    }

    /**
     * Blocks whose every line is marked with "> " (GitHub's docs) are never commands: typed, "> Generating ..." would
     * empty a file named Generating. After a command's block, with prose between, each is more of that command's
     * output, its prompts answered; after no command, none.
     */
    @Test
    void blocksOfMarkedOutputAreTheOutputOfTheCommandBeforeThemNeverCommands() throws IOException {
        Plan plan = markdown("""
                Make the key:

                ```shell
                $ ssh-keygen -t ed25519
                ```

                It says:

                ```shell
                > Generating public/private ed25519 key pair.
                ```

                Accept the default file:

                ```shell
                > Enter a file in which to save the key (/home/YOU/.ssh/id_ed25519):[Press enter]
                ```
                """);
        assertEquals(1, plan.steps().size(), plan.steps().toString());
        CommandStep keygen = (CommandStep) plan.steps().get(0);
        assertEquals(List.of("Generating public/private ed25519 key pair.",
                        "Enter a file in which to save the key (/home/YOU/.ssh/id_ed25519):[Press enter]"),
                keygen.expected().stream().map(ExpectedLine::text).toList());
        assertEquals(List.of(""), keygen.interactions().stream().map(Interaction::answer).toList());
        assertEquals(List.of("output of step 1", "output of step 1"),
                plan.notSteps().stream().map(NotAStep::why).toList());
        Plan alone = markdown("""
                What you will see:

                ```shell
                > Agent pid 59566
                ```
                """);
        assertEquals(List.of(), alone.steps());
        assertEquals("output (marked with >, as GitHub's docs mark it) of no command of the block before",
                alone.notSteps().get(0).why());
    }

    /**
     * A prompt shown in the output's own block is answered as at a prompt's command: the block shows what the
     * reader typed. Before, it was expected output only, and the command waited for an answer nobody gave.
     */
    @Test
    void aPromptInTheOutputsOwnBlockIsAnswered() throws IOException {
        Plan plan = markdown("""
                Remove the old notes:

                ```bash
                rm -ri ~/old-notes
                ```

                Output:

                ```
                rm: descend into directory '/home/isabell/old-notes'? y
                rm: remove directory '/home/isabell/old-notes'? y
                ```
                """);
        CommandStep rm = (CommandStep) plan.steps().get(0);
        assertEquals(List.of("y", "y"), rm.interactions().stream().map(Interaction::answer).toList());
        assertEquals(List.of(ExpectedLine.Kind.PROMPT, ExpectedLine.Kind.PROMPT),
                rm.expected().stream().map(ExpectedLine::kind).toList());
    }

    /**
     * "Add two notes:" after the section saved a script: a block whose every line starts with the script runs it.
     * Before, its lines were appended to the script, which then ran itself without end.
     */
    @Test
    void linesThatRunTheSectionsScriptAreCommandsNotMoreOfIt() throws IOException {
        Plan plan = markdown("""
                Save the following as `~/bin/notes`:

                ```bash
                #!/bin/sh
                echo "$*" >> "$HOME/notes.txt"
                ```

                Add two notes:

                    ~/bin/notes buy milk
                    ~/bin/notes call Bob

                Add a line to it:

                    echo done
                """);
        assertEquals(List.of("write", "~/bin/notes buy milk", "~/bin/notes call Bob", "append"),
                plan.steps().stream().map(s -> s instanceof CommandStep c ? c.command()
                        : ((WriteStep) s).append() ? "append" : "write").toList());
    }

    /**
     * Output a block labels as such with no prose before it: its language, its title, the heading right above it
     * (not a later block under that heading). Before, none was checked, and a wrong output passed.
     */
    @Test
    void aBlockLabelledOutputByItsLanguageTitleOrHeadingIsTheOutputOfTheStepBefore() throws IOException {
        Plan plan = markdown("""
                Add:

                ```bash
                echo $((1 + 2))
                ```

                ```output
                3
                ```

                ```bash
                echo $((2 * 3))
                ```

                ```text title="Output"
                6
                ```

                ```bash
                echo $((9 - 1))
                ```

                ### Expected output

                ```text
                8
                ```

                ```bash
                echo $((9 - 2))
                ```

                ```text
                7
                ```
                """);
        assertEquals(List.of(List.of("3"), List.of("6"), List.of("8"), List.of()), plan.steps().stream()
                .map(s -> ((CommandStep) s).expected().stream().map(ExpectedLine::text).toList()).toList());
    }

    /** Before, "go in" read as a change to the file, which no merge of json makes: the file was never written. */
    @Test
    void aBlockTitledWithAFileNoMergeMakesIsThatFilesContent() throws IOException {
        Plan plan = markdown("""
                The settings go in `settings.json`:

                ```json title="settings.json"
                {"debug": true}
                ```
                """);
        WriteStep write = (WriteStep) plan.steps().get(0);
        assertEquals("settings.json", write.path());
        assertFalse(write.append());
    }

    /**
     * A caption of the file's name alone under prose that gives its folder (Sphinx's {@code :caption: widget.toml}
     * under "Create ``~/widget/widget.toml``:"): the file in that folder. Before, the bare name was written where the
     * session stood.
     */
    @Test
    void aCaptionOfTheNameAloneIsTheFileInTheFolderTheProseGives() throws IOException {
        for (String prose : List.of("Create `~/widget/widget.json`:", "The settings go in `~/widget/widget.json`:")) {
            Plan plan = markdown(prose + "\n\n```json title=\"widget.json\"\n{\"port\": 8080}\n```\n");
            assertEquals("~/widget/widget.json", ((WriteStep) plan.steps().get(0)).path(), prose);
        }
        Plan other = markdown("Create `~/widget/other.json`:\n\n```json title=\"widget.json\"\n{}\n```\n");
        assertEquals("widget.json", ((WriteStep) other.steps().get(0)).path(), "the block's own name wins");
    }

    @Test
    void aRemovalAfterTheInstallAndTroubleshootingAreSkippedButARemovalBeforeAnyStepRuns() throws IOException {
        Plan plan = markdown("""
                ## Uninstall old versions

                ```console
                $ rm -rf ~/old
                ```

                ## Install

                ```console
                $ mkdir ~/tool
                ```

                ### Troubleshooting the install

                ```console
                $ rm -rf ~/tool/cache
                ```

                ## Removal

                ```console
                $ rm -rf ~/tool
                ```

                ## Deinstallation of the service

                ```console
                $ rm -f ~/etc/services.d/tool.ini
                ```
                """);
        List<String> skips = plan.steps().stream().map(s -> s.policy().skip()).toList();
        assertNull(skips.get(0), "before any step: the install's first");
        assertNull(skips.get(1));
        assertEquals("it stands under \"Troubleshooting the install\": a fix for a problem a reader may not have",
                skips.get(2));
        assertTrue(skips.get(3).startsWith("it stands under \"Removal\", which undoes what the steps before it made"),
                skips.get(3));
        assertTrue(skips.get(4).startsWith("it stands under \"Deinstallation of the service\""), skips.get(4));
    }

    @Test
    void sectionsOfFixesAreTroubleshootingByAnyOfTheirNames() throws IOException {
        for (String title : List.of("Debugging", "Common Issues", "Known problems", "Problems after updating to 1.27",
                "FAQ")) {
            Plan plan = markdown("## Install\n\n```console\n$ mkdir ~/tool\n```\n\n## " + title
                    + "\n\n```console\n$ supervisorctl restart tool\n```\n");
            assertEquals("it stands under \"" + title + "\": a fix for a problem a reader may not have",
                    plan.steps().get(1).policy().skip(), title);
        }
        for (String title : List.of("Debug", "Debug mode", "Solving puzzles", "Issues and pull requests")) {
            Plan plan = markdown("## Install\n\n```console\n$ mkdir ~/tool\n```\n\n## " + title
                    + "\n\n```console\n$ composer require --dev debug-pack\n```\n");
            assertNull(plan.steps().get(1).policy().skip(), title);
        }
    }

    private Plan markdown(String text) throws IOException {
        Path guide = Files.writeString(dir.resolve("guide.md"), "# Guide\n\n" + text);
        return new Planner(Blocks.FACTS, Map.of()).plan(Runbook.load(guide), Guides.read(guide));
    }
}
