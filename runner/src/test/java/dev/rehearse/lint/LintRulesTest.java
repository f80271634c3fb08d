package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rehearse.testing.Blocks.block;
import static dev.rehearse.testing.Blocks.guide;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each rule on small blocks written here: what it must find, and what it must leave alone. */
class LintRulesTest {

    private static List<String> lint(Guide g, String rule) {
        return Linter.lint(g).stream().filter(f -> f.rule().equals(rule)).map(f -> f.line() + " " + f.message()).toList();
    }

    private static List<Integer> lines(Guide g, String rule) {
        return Linter.lint(g).stream().filter(f -> f.rule().equals(rule)).map(Finding::line).toList();
    }

    @Test
    void cdIsFollowedThroughRelativePathsParentsAndTheUsersVariable() {
        Guide g = guide(block("console", 1, null, """
                [isabell@stardust ~]$ cd /var/www/virtual/$USER/
                [isabell@stardust isabell]$ cd html/blog
                [isabell@stardust blog]$ cd ..
                [isabell@stardust html]$ cd
                [isabell@stardust ~]$ cd -
                [isabell@stardust anywhere]$ ls"""));
        assertEquals(List.of(), lint(g, "prompt-cwd"));
    }

    @Test
    void aPromptShownTwiceAndAnElisionAtAPromptAreTold() {
        Guide g = guide(block("console", 1, null, """
                [isabell@stardust ~]$ $ java -version
                openjdk version "17.0.2"
                [isabell@stardust ~]$ npm install
                added 312 packages
                [isabell@stardust ~]$ [...]
                [isabell@stardust ~]$ $
                [isabell@stardust ~]$ echo $HOME
                [isabell@stardust ~]$ # ...
                [isabell@stardust ~]$"""));
        assertEquals(List.of("3 the prompt is shown twice: \"$\" comes again before \"java -version\", and a reader who "
                        + "copies the line types it too (a run types what follows it)",
                "7 \"[...]\" stands at a prompt, where it reads as a command: put the cut among the output, or drop the "
                        + "prompt (a run reads it as the output before cut short)",
                "8 the prompt is shown twice: \"$\" comes again, and a reader who copies the line types it too (a run "
                        + "types what follows it)"), lint(g, "prompt-text"));
    }

    @Test
    void aTypoInOnePromptIsOneFindingAndSoIsADriftTheGuideKeeps() {
        Guide typo = guide(block("console", 1, null, """
                [isabell@stardust ~]$ cd ~/app
                [isabell@stardust ap]$ make
                [isabell@stardust app]$ make install
                [isabell@stardust app]$"""));
        assertEquals(List.of(4), lines(typo, "prompt-cwd"));
        Guide drift = guide(block("console", 1, null, """
                [isabell@stardust ~]$ git clone https://example.invalid/app.git
                [isabell@stardust app]$ make
                [isabell@stardust app]$ make install"""));
        assertEquals(List.of("4 prompt shows app, but the previous prompt (line 3) shows ~ and nothing since changes the directory"),
                lint(drift, "prompt-cwd"));
    }

    /** A shell opened in the block starts where it starts; its exit goes back to the folder it was opened in. */
    @Test
    void aNestedShellKeepsTheFolderOfTheShellItWasOpenedFrom() {
        Guide nested = guide(block("console", 1, null, """
                [isabell@stardust ~/app]$ sudo -iu synapse
                [synapse@stardust ~]$ cd /srv && ls
                [synapse@stardust srv]$ exit
                logout
                [isabell@stardust ~/app]$ make
                [isabell@stardust app]$ exit
                [isabell@stardust srv]$ make"""));
        assertEquals(List.of("9 prompt shows srv, but the previous prompt (line 8) shows app and nothing since changes "
                + "the directory"), lint(nested, "prompt-cwd"));
    }

    @Test
    void aCommandThatNeverEndsIsAnErrorAndOneThatEndsOnALaterLineIsNone() {
        Guide g = guide(block("console", 1, null, """
                [isabell@stardust ~]$ for f in *.ini; do
                >   echo "$f"
                > done
                app.ini
                [isabell@stardust ~]$ echo 'it is
                [isabell@stardust ~]$ ls |"""));
        assertEquals(List.of("7 \"echo 'it is\" never ends: bash would wait for more lines (an open quote or "
                + "substitution, or a trailing backslash)", "8 \"ls |\" never ends: bash would wait for more lines (a "
                + "line that ends in |, && or ||)"), lint(g, "open-command"));
        assertEquals(Finding.Level.ERROR, Linter.lint(g).stream().filter(f -> f.rule().equals("open-command"))
                .findFirst().orElseThrow().level());
    }

    @Test
    void aCommandRepeatedForADifferentResultIsNoSlip() {
        Guide g = guide(block("console", 1, null, """
                [isabell@stardust ~]$ uberspace port add
                Port 40001 will be open for TCP and UDP traffic in a few minutes.
                [isabell@stardust ~]$ uberspace port add
                Port 40002 will be open for TCP and UDP traffic in a few minutes.
                [isabell@stardust ~]$ make
                [isabell@stardust ~]$ make"""));
        assertEquals(List.of(8), lines(g, "repeated-command"));
    }

    @Test
    void misspeltPlaceholdersButNotMarkupOrNumberedSeries() {
        Guide g = guide(
                block("console", 1, null, "[isabell@stardust ~]$ app set-password '<your secret password>'"),
                block("ini", 10, "Create ``~/etc/app.ini`` with the following content:",
                        "password = <your secret pasword>\nfirst = <port-1>\nsecond = <port-2>"),
                block("xml", 20, "Create ``~/etc/app.xml`` with the following content:", "<server><port>8080</port></server>"));
        assertEquals(List.of("12 <your secret pasword> looks like a misspelling of <your secret password>, which guide.rst:3 shows"),
                lint(g, "sample-value"));
    }

    @Test
    void aPortReusedAsShownIsFine() {
        Guide g = guide(
                block("console", 1, null, "[isabell@stardust ~]$ uberspace port add\nPort 40132 will be open for TCP and UDP traffic."),
                block("console", 10, null, "[isabell@stardust ~]$ app serve --port 40132 --admin-port 40123"));
        assertEquals(List.of(), lint(g, "sample-value"), "40132 is reused as shown, so 40123 is another port, not a typo");
    }
}
