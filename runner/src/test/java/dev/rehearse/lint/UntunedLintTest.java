package dev.rehearse.lint;

import dev.rehearse.guide.Finding;
import dev.rehearse.guide.Guide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.rehearse.testing.Blocks.block;
import static dev.rehearse.testing.Blocks.guide;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Lint on what a guide leaves to the reader, and on what it shows for the reader's own machine on purpose. */
class UntunedLintTest {

    private static List<String> findings(Guide guide, String rule) {
        return Linter.lint(guide).stream().filter(f -> f.rule().equals(rule))
                .map(f -> f.line() + " " + f.level() + " " + f.message()).toList();
    }

    @Test
    void anUnboundPlaceholderIsAnErrorAndOneTheGuideGivesAValueForIsNone() {
        Guide guide = guide(
                block("console", 10, "Replace ``<username>`` with your user name:", """
                        [isabell@stardust ~]$ createuser <username> -P
                        [isabell@stardust ~]$"""),
                block("console", 20, "Create your admin:", """
                        [isabell@stardust ~]$ app user add <admin> --email <admin@example.com>
                        [isabell@stardust ~]$"""));
        assertEquals(List.of(
                "22 ERROR unbound placeholder <admin>: bind it with --bind '<admin>=VALUE' or runbook.yaml bindings: {\"<admin>\": VALUE}",
                "22 ERROR unbound placeholder <admin@example.com>: bind it with --bind '<admin@example.com>=VALUE' or runbook.yaml "
                        + "bindings: {\"<admin@example.com>\": VALUE}"), findings(guide, "placeholder"));
    }

    @Test
    void anUnboundPlaceholderInAFilesContentIsAnErrorAtItsLineAndMarkupIsNone() {
        Guide guide = guide(
                block("ini", 10, "Create ``~/etc/app.ini`` with the following content:", """
                        [app]
                        home = /home/<username>/app
                        api_key = <your-api-key>"""),
                block("html", 20, "Create ``~/html/index.html`` with the following content:", """
                        <html><body>
                        <p>Hello<br>there</p>
                        <IfModule mod_rewrite.c>
                        </IfModule>
                        </body></html>"""));
        assertEquals(List.of("14 ERROR unbound placeholder <your-api-key>: bind it with --bind '<your-api-key>=VALUE' or "
                + "runbook.yaml bindings: {\"<your-api-key>\": VALUE}"), findings(guide, "placeholder"));
    }

    @Test
    void aShellBlockTheAuthorLabelledThatYieldsNoStepIsAWarning() {
        Guide guide = guide(
                block("bash", 10, "For a simple update you can use the following script:", "#!/bin/bash\nset -e\ngit pull"),
                block("console", 20, "Add the following line to your crontab:", "*/5 * * * * ~/bin/update"),
                block("console", 30, "Run it:", "[isabell@stardust ~]$ ~/bin/update\nupdated\n[isabell@stardust ~]$"));
        assertEquals(List.of("12 WARNING bash block yields no step (bash: a script with no file named to save it in): run would not run it"),
                findings(guide, "no-step"));
    }

    @Test
    void promptsOfTheReadersOwnMachineAreShownOnPurpose() {
        Guide guide = guide(
                block("console", 10, "On the server:", "[isabell@stardust ~]$ ls\n[isabell@stardust ~]$ pwd"),
                block("console", 20, "Then forward the port:", "[isabell@localhost ~]$ ssh -L 8080:localhost:8080 stardust"),
                block("console", 30, "On your local system add the key:", "[john@doe ~]$ curl -s https://x.test/key | gpg --import"),
                block("console", 40, "And back:", "[isabela@stardust ~]$ ls"));
        assertEquals(List.of("42 WARNING prompt shows isabela@stardust, the guide's prompts show isabell@stardust"),
                findings(guide, "prompt-identity"));
        assertEquals(List.of(Finding.Level.WARNING), Linter.lint(guide).stream().map(Finding::level).distinct().toList());
    }

    /**
     * Gentoo's "user $" and "root #" name roles with no host: no account to compare (it was an internal error). A
     * guide whose every prompt is on localhost (Fedora's, RHEL's) works there, root's prompt on it included.
     */
    @Test
    void rolePromptsAndAGuideOnLocalhostShowNoForeignAccount() {
        Guide gentoo = guide(block("console", 10, "As a user:", "user $ echo a\na"),
                block("console", 20, "As root:", "root # echo b\nb"));
        assertEquals(List.of(), findings(gentoo, "prompt-identity"));
        Guide fedora = guide(block("console", 10, "Make a folder:", "[user@localhost ~]$ mkdir -p ~/work"),
                block("console", 20, "Then as root:", "[root@localhost ~]# dnf install -y tree"),
                block("console", 30, "And back:", "[user@localhost ~]$ cd ~/work"));
        assertEquals(List.of(), findings(fedora, "prompt-identity"));
    }

    /**
     * A home typed where no prompt shows the guide's user may be an account the guide's packages make (GitLab's
     * /home/git): a warning, where it was an error that failed a CI's lint; under prompts of isabell it breaks the run.
     */
    @Test
    void aHomeTypedInAGuideWhosePromptsShowNoUserIsAWarning() {
        assertEquals(List.of("7 WARNING /home/git is another user's home; no prompt shows the guide's user, and the "
                        + "example user is isabell"),
                findings(guide(block("shell", 5, "Go to the install:", "cd /home/git/gitlab")), "foreign-home"));
        assertEquals(List.of("12 ERROR /home/git is another user's home; the guide's user is isabell"),
                findings(guide(block("console", 10, "Go:", "[isabell@stardust ~]$ cd /home/git/gitlab\n"
                        + "[isabell@stardust ~]$")), "foreign-home"));
    }
}
