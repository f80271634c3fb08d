package dev.rehearse.plan;

import dev.rehearse.guide.Block;
import dev.rehearse.guide.Guide;
import dev.rehearse.model.Interaction;
import dev.rehearse.model.AccountPassword;
import dev.rehearse.plan.ExpectedLine.Kind;
import dev.rehearse.testing.Checkout;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TranscriptReaderTest {
    private static final String SECRET = "<my super secure password>";
    private static final Guide SEED = Checkout.seed();
    private final TranscriptReader reader = new TranscriptReader(List.of(), SECRET);

    private Transcript seedBlock(int directiveLine) {
        Block b = SEED.blocks().stream().filter(x -> x.line() == directiveLine).findFirst().orElseThrow();
        return reader.read(b.lines(), b.contentLine(), b.language()).orElseThrow();
    }

    private Transcript read(String language, String... lines) {
        return reader.read(List.of(lines), 1, language).orElseThrow(() -> new AssertionError("not read as a session"));
    }

    private static List<Kind> kinds(TranscriptCommand c) {
        return c.expected().stream().map(ExpectedLine::kind).toList();
    }

    @Test
    void seedCreateuserAnswersBothHiddenPromptsWithTheSecretAndKeepsContinuations() {
        Transcript t = seedBlock(40);
        List<TranscriptCommand> commands = t.commands();
        assertEquals(2, commands.size());
        TranscriptCommand createuser = commands.get(0);
        assertEquals("createuser synapse -P", createuser.command());
        assertEquals(42, createuser.line());
        assertEquals(new ShellPrompt(null, "isabell", "stardust", "~", "$"), createuser.prompt());
        assertEquals(List.of(
                new Interaction("Enter password for new role:", SECRET, true, false, SECRET),
                new Interaction("Enter it again:", SECRET, true, false, SECRET)), createuser.interactions());
        assertEquals(List.of(Kind.PROMPT, Kind.PROMPT), kinds(createuser));
        assertEquals(43, createuser.expected().get(0).sourceLine());
        assertEquals("", createuser.expected().get(0).answer(), "a hidden answer is never shown");

        TranscriptCommand createdb = commands.get(1);
        assertEquals(45, createdb.line());
        assertEquals(49, createdb.lastLine());
        assertEquals("createdb \\\n  --encoding=UTF8 \\\n  --owner=\"synapse\" \\\n  --template=template0 \\\n  synapse",
                createdb.command());
        assertTrue(createdb.expected().isEmpty());
        assertEquals(3, t.entries().size(), "the trailing empty prompt is an entry but no command");
        assertTrue(t.entries().get(2).isEmpty());
        assertEquals(50, t.entries().get(2).line());
    }

    @Test
    void aHiddenPromptThatOffersNoneGetsEnterAndItsRepeatGetsWhatTheFirstGot() {
        Transcript keygen = read("console", "$ ssh-keygen -t ed25519", "Enter passphrase (empty for no passphrase):",
                "Enter same passphrase again:", "Your identification has been saved in /home/isabell/.ssh/id_ed25519");
        assertEquals(List.of("", ""), answers(keygen.commands().get(0)));
        assertTrue(keygen.commands().get(0).interactions().stream().allMatch(Interaction::hidden));
        Transcript keytool = read("console", "$ keytool -genkey -alias web", "Enter keystore password:",
                "Re-enter new password:", "Enter key password for <web>", "(RETURN if same as keystore password):");
        assertEquals(Arrays.asList(SECRET, SECRET, ""), answers(keytool.commands().get(0)));
        // a second hidden question after one that may stay empty is asked again, not a new secret
        Transcript pem = read("console", "$ openssl genrsa -aes256 -out key.pem", "Enter PEM pass phrase:",
                "Verifying - Enter PEM pass phrase:");
        assertEquals(List.of(SECRET, SECRET), answers(pem.commands().get(0)));
        Transcript optional = read("console", "$ ./setup", "Admin password (optional):", "Confirm password:");
        assertEquals(List.of("", ""), answers(optional.commands().get(0)));
    }

    @Test
    void wizardsAndCredentialPromptsOfCommonToolsAreAnswered() {
        Transcript t = read("console", "$ npm init", "package name: (app) blog", "version: (1.0.0)",
                "description: A blog", "entry point: (index.js)", "keywords:", "license: (ISC)",
                "Is this OK? (yes) yes",
                "$ certbot certonly --standalone", "Do you agree?", "(Y)es/(N)o: Y",
                "$ composer create-project laravel/laravel blog",
                "Do you want to remove the existing VCS (.git, .svn..) history? [Y,n]? Y",
                "$ git clone https://example.org/private.git", "Username for 'https://example.org': isabell",
                "Password for 'https://isabell@example.org':", "$ sudo apt-get install nginx",
                "[sudo] password for isabell:", "$ openssl req -new -key key.pem", "A challenge password []:");
        List<List<String>> typed = t.commands().stream().map(c -> c.interactions().stream()
                .map(i -> i.hidden() ? "(hidden)" : i.answer()).toList()).toList();
        assertEquals(List.of(List.of("blog", "", "A blog", "", "", "", "yes"), List.of("Y"), List.of("Y"),
                List.of("isabell", "(hidden)"), List.of("(hidden)"), List.of("")), typed);
        assertEquals("Password for 'https://isabell@example.org':", t.commands().get(3).interactions().get(1).prompt());
        assertEquals(SECRET, t.commands().get(3).interactions().get(1).binding(), "git's: the guide's secret");
        assertEquals(AccountPassword.SUDO.binding(), t.commands().get(4).interactions().get(0).binding(),
                "sudo's: only a password the run is given, never a guess");
        Transcript su = read("console", "$ su - postgres", "Password:", "$ exit", "$ ./manage.py createsuperuser",
                "Password:");
        assertEquals(List.of(AccountPassword.SU.binding(), SECRET), su.commands().stream()
                .filter(c -> !c.interactions().isEmpty()).map(c -> c.interactions().get(0).binding()).toList(),
                "su's: only a password the run is given; another program's Password: the guide's secret");
        Transcript mariadb = read("console", "$ sudo mysql_secure_installation",
                "Enter current password for root (enter for none):", "OK, successfully used password, moving on...",
                "Switch to unix_socket authentication [Y/n] n", " ... skipping.", "Remove anonymous users? [Y/n]",
                "Disallow root login remotely [Y/n]");
        assertEquals(List.of("", "n", "", ""), answers(mariadb.commands().get(0)));
        assertEquals("Switch to unix_socket authentication [Y/n]",
                mariadb.commands().get(0).interactions().get(1).prompt());
        Transcript menus = read("console", "$ certbot register",
                "Enter email address (used for urgent renewal and security notices)",
                " (Enter 'c' to cancel): isabell@example.org", "$ ./install.sh", "Select an option:", "1) Minimal",
                "2) Full", "#? 2", "Installing the full set");
        assertEquals(List.of(List.of("(Enter 'c' to cancel):", "isabell@example.org"), List.of("#?", "2")),
                menus.commands().stream().map(c -> List.of(c.interactions().get(0).prompt(),
                        c.interactions().get(0).answer())).toList());
        assertEquals(AccountPassword.SUDO.binding(), t.commands().get(4).interactions().get(0).answer());
    }

    @Test
    void aWaitForEnterOrAnyKeyIsAnsweredWithEnter() {
        Transcript t = read("console", "[isabell@stardust ~]$ ~/mailman/bin/newlist test",
                "Enter the email of the person running the list: isabell@uber.space", "Initial test password:",
                "Hit enter to notify test owner...", "[isabell@stardust ~]$ ./install.sh", "Press [Enter] to continue",
                "Please press ENTER when ready, or Ctrl-C to stop", "Press any key to continue . . .", "Installed.",
                "[isabell@stardust ~]$ flask run", "Press CTRL+C to quit", "^C");
        TranscriptCommand newlist = t.commands().get(0);
        assertEquals(List.of("Enter the email of the person running the list:", "Initial test password:",
                "Hit enter to notify test owner..."),
                newlist.interactions().stream().map(Interaction::prompt).toList());
        assertEquals("", newlist.interactions().get(2).answer());
        TranscriptCommand install = t.commands().get(1);
        assertEquals(List.of("", "", ""), install.interactions().stream().map(Interaction::answer).toList());
        assertEquals(List.of(Kind.PROMPT, Kind.PROMPT, Kind.PROMPT, Kind.OUTPUT), kinds(install));
        assertTrue(t.commands().get(2).interactions().stream().allMatch(Interaction::interrupts),
                "Ctrl-C to quit is no wait for Enter");
    }

    @Test
    void seedRegisterTypesTheShownAnswersAndTheSecretForBothPasswordPrompts() {
        TranscriptCommand register = seedBlock(338).commands().get(2);
        assertEquals("register_new_matrix_user -c homeserver.yaml https://my.domain.name:PORT", register.command());
        assertEquals("synape", register.prompt().cwd());
        assertEquals("env", register.prompt().venv());
        assertEquals(List.of(
                new Interaction("New user localpart [isabell]:", "USER", false, false, null),
                new Interaction("Password:", SECRET, true, false, SECRET),
                new Interaction("Confirm password:", SECRET, true, false, SECRET),
                new Interaction("Make admin [no]:", "no", false, false, null)), register.interactions());
        assertEquals(List.of(Kind.PROMPT, Kind.PROMPT, Kind.PROMPT, Kind.PROMPT, Kind.OUTPUT, Kind.OUTPUT), kinds(register));
        assertEquals("Success!", register.expected().get(5).text());
    }

    @Test
    void seedPsqlFeedsTheReplAndClosesItWithEndOfInput() {
        TranscriptCommand psql = seedBlock(372).commands().get(0);
        assertEquals("psql --user synapse", psql.command());
        List<Interaction> i = psql.interactions();
        assertEquals(3, i.size());
        assertEquals(new Interaction("Password for user synapse:", SECRET, true, false, SECRET), i.get(0));
        assertEquals("synapse=>", i.get(1).prompt());
        assertTrue(i.get(1).answer().startsWith("UPDATE users SET password_hash='$2b$12$yK16"));
        assertFalse(i.get(1).eof());
        assertEquals(new Interaction("synapse=>", "", false, true, null), i.get(2));
        assertEquals(List.of(Kind.PROMPT, Kind.OUTPUT, Kind.OUTPUT, Kind.OUTPUT, Kind.REPL_INPUT, Kind.OUTPUT, Kind.REPL_INPUT),
                kinds(psql));
        assertEquals("", psql.expected().get(3).text(), "a blank line inside the output is output");
        assertEquals(381, psql.expected().get(6).sourceLine());
    }

    @Test
    void seedInstallBlockKeepsOutputIndentedAndDropsTheBlankBeforeTheLastPrompt() {
        Transcript t = seedBlock(58);
        assertEquals(9, t.commands().size());
        TranscriptCommand virtualenv = t.commands().get(1);
        assertEquals("virtualenv -p python3.6 ~/synapse/env", virtualenv.command());
        assertEquals("  Running virtualenv with interpreter /usr/bin/python3.6", virtualenv.expected().get(0).text());
        assertTrue(virtualenv.interactions().isEmpty());
        TranscriptCommand setuptools = t.commands().get(5);
        assertEquals("matrites", setuptools.prompt().user());
        assertEquals("clark", setuptools.prompt().host());
        TranscriptCommand psycopg2 = t.commands().get(8);
        assertEquals("  Successfully installed psycopg2-2.8.3", psycopg2.expected().get(psycopg2.expected().size() - 1).text());
        assertTrue(t.commands().get(2).expected().isEmpty(), "'Uninstalling pip-9.0.1:' and friends stay output");
        assertTrue(t.commands().get(3).expected().stream().allMatch(e -> e.kind() == Kind.OUTPUT));
    }

    @Test
    void aPromptMissingItsSigilStillStartsACommand() {
        Transcript t = read("bash", "[isabell@stardust ~] uberspace port add", "Port 40132 will be open for TCP and UDP traffic in a few minutes.",
                "[isabell@stardust ~]$");
        assertEquals(1, t.commands().size());
        assertEquals("uberspace port add", t.commands().get(0).command());
        assertEquals(null, t.commands().get(0).prompt().sigil());
    }

    @Test
    void aPromptCopiedAgainWithItsCommandIsNotTyped() {
        Transcript bracketed = read("console", "[isabell@stardust ~]$ $ java -version", "openjdk version \"17.0.2\"",
                "[isabell@stardust ~]$ [isabell@stardust ~]$ $ cd app", "[isabell@stardust app]$ $",
                "[isabell@stardust app]$ $HOME/bin/tool", "[isabell@stardust app]$ $ ", "[isabell@stardust app]$");
        assertEquals(List.of("java -version", "cd app", "$HOME/bin/tool"),
                bracketed.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(Arrays.asList("$", "[isabell@stardust ~]$ $", "$", null, "$", null),
                bracketed.entries().stream().map(TranscriptCommand::untyped).toList());
        assertEquals(List.of("openjdk version \"17.0.2\""), texts(bracketed.commands().get(0)));
        Transcript debian = read("console", "user@host:~$ $ make install", "user@host:~$ user@host:~$ ls");
        assertEquals(List.of("make install", "ls"), debian.commands().stream().map(TranscriptCommand::command).toList());
        // only a "$" word of its own goes: a command's own $ stays
        Transcript bare = read("console", "$ $ echo $$", "$ echo '$ x'");
        assertEquals(List.of("echo $$", "echo '$ x'"), bare.commands().stream().map(TranscriptCommand::command).toList());
    }

    @Test
    void anElisionMarkAtAPromptIsNoCommandAndCutsTheOutputBefore() {
        Transcript t = read("console", "[isabell@stardust ~]$ cd ~/app", "[isabell@stardust app]$ npm install",
                "added 312 packages", "[isabell@stardust app]$ [...]", "[isabell@stardust app]$ npm audit fix",
                "[isabell@stardust app]$ …", "[isabell@stardust app]$ # ...", "[isabell@stardust app]$");
        assertEquals(List.of("cd ~/app", "npm install", "npm audit fix"),
                t.commands().stream().map(TranscriptCommand::command).toList());
        TranscriptCommand install = t.commands().get(1);
        assertEquals(List.of(ExpectedLine.Kind.OUTPUT, ExpectedLine.Kind.ELISION),
                install.expected().stream().map(ExpectedLine::kind).toList());
        assertEquals(4, install.expected().get(1).sourceLine());
        // a command that shows no output is not checked: a cut after it adds nothing to check
        assertEquals(List.of(), t.commands().get(2).expected());
        assertEquals("[...]", t.entries().get(2).untyped());
        assertEquals(null, t.entries().get(5).untyped(), "a comment is no elision");
    }

    @Test
    void bareDollarPromptsWithAVirtualenvAndEveryElisionMark() {
        Transcript t = read("console", "$ python3 -m venv ~/pyenv", "(pyenv) $ pip list", "Package  Version", "[...]", "[…]",
                "...", "(...)", "pip      99.1", "(pyenv) $ deactivate");
        assertEquals(ShellPromptSyntax.Style.DOLLAR, t.style());
        assertEquals(3, t.commands().size());
        TranscriptCommand list = t.commands().get(1);
        assertEquals("pyenv", list.prompt().venv());
        assertEquals(List.of(Kind.OUTPUT, Kind.ELISION, Kind.ELISION, Kind.ELISION, Kind.ELISION, Kind.OUTPUT), kinds(list));
    }

    @Test
    void debiansDefaultPromptNamesItsUserHostAndFolder() {
        Transcript t = read("console", "alice@web01:~$ cd /srv/app", "alice@web01:/srv/app$ ls", "README",
                "(venv) alice@web01:/srv/app$ pip --version", "pip 23.0", "root@web01:/srv/app# id -u", "0",
                "alice@web01:~$");
        assertEquals(ShellPromptSyntax.Style.USER_HOST, t.style());
        assertEquals(List.of("cd /srv/app", "ls", "pip --version", "id -u"),
                t.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(new ShellPrompt(null, "alice", "web01", "~", "$"), t.commands().get(0).prompt());
        assertEquals(new ShellPrompt("venv", "alice", "web01", "/srv/app", "$"), t.commands().get(2).prompt());
        assertEquals(new ShellPrompt(null, "root", "web01", "/srv/app", "#"), t.commands().get(3).prompt());
        assertEquals(List.of("README"), t.commands().get(1).expected().stream().map(ExpectedLine::text).toList());
        Transcript gentoo = read("console", "alice@web01 ~ $ cd /srv", "alice@web01 /srv $ ls", "app");
        assertEquals(List.of("cd /srv", "ls"), gentoo.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(new ShellPrompt(null, "alice", "web01", "/srv", "$"), gentoo.commands().get(1).prompt());
        Transcript pi = read("console", "pi@raspberrypi:~ $ mkdir -p ~/blink && cd ~/blink",
                "pi@raspberrypi:~/blink $ cat blink.env", "LED_PIN=17");
        assertEquals(List.of("mkdir -p ~/blink && cd ~/blink", "cat blink.env"),
                pi.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(new ShellPrompt(null, "pi", "raspberrypi", "~/blink", "$"), pi.commands().get(1).prompt());
        // an address in output is no prompt: it has no sigil after its folder
        assertEquals(1, read("console", "$ git remote get-url origin", "git@github.com:org/app.git").commands().size());
    }

    @Test
    void zshsPromptsAreReadAsBashsAreAndAnIndentedPercentIsOutput() {
        Transcript bare = read("console", "% python3 -m venv .venv", "(.venv) % pip --version", "pip 23.0",
                "% curl -O https://example.org/app.tar.gz", "  % Total    % Received % Xferd  Average Speed",
                "100  1024  100  1024    0     0   9999      0 --:--:-- --:--:-- --:--:--  9999", "% sudo -i",
                "# apt-get install -y nginx", "# exit");
        assertEquals(ShellPromptSyntax.Style.PERCENT, bare.style());
        assertEquals(List.of("python3 -m venv .venv", "pip --version", "curl -O https://example.org/app.tar.gz",
                "sudo -i", "apt-get install -y nginx", "exit"),
                bare.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(new ShellPrompt(".venv", null, null, null, "%"), bare.commands().get(1).prompt());
        assertEquals(2, bare.commands().get(2).expected().size(), "the progress meter is output");
        Transcript named = read("console", "alice@mac ~ % cd /tmp", "alice@mac /tmp % ls -d .", ".");
        assertEquals(ShellPromptSyntax.Style.USER_HOST, named.style());
        assertEquals(new ShellPrompt(null, "alice", "mac", "/tmp", "%"), named.commands().get(1).prompt());
        // a percentage in output is no prompt
        assertEquals(1, read("console", "$ df --output=pcent /", "Use%", " 42%").commands().size());
    }

    @Test
    void bashsOwnNameAFolderAloneAndTheArrowsOfPromptThemesArePrompts() {
        Transcript named = read("console", "bash-5.1$ cd /srv", "bash-5.1$ ls -d .", ".", "sh$ pwd", "/srv");
        assertEquals(List.of("cd /srv", "ls -d .", "pwd"), named.commands().stream().map(TranscriptCommand::command).toList());
        Transcript folder = read("console", "~$ cd app", "~/app $ ls", "README", "/srv$ pwd");
        assertEquals(List.of("cd app", "ls", "pwd"), folder.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(new ShellPrompt(null, null, null, "~/app", "$"), folder.commands().get(1).prompt());
        Transcript starship = read("console", "\u276f python3 -m venv .venv", "(.venv) \u276f pip --version", "pip 23.0");
        assertEquals(ShellPromptSyntax.Style.ARROW, starship.style());
        assertEquals(List.of("python3 -m venv .venv", "pip --version"),
                starship.commands().stream().map(TranscriptCommand::command).toList());
        Transcript ohMyZsh = read("console", "\u279c  ~ git clone /srv/app.git", "\u279c  app git:(main) \u2717 make",
                "cc -o app app.c");
        assertEquals(List.of("git clone /srv/app.git", "make"),
                ohMyZsh.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals("app", ohMyZsh.commands().get(1).prompt().cwd());
    }

    @Test
    void aRootShellOpenedInADollarBlockTakesTheCommandsAtItsHashPrompts() {
        Transcript t = read("console", "$ sudo -i", "# apt-get install -y nginx", "Reading package lists... Done",
                "# systemctl enable nginx", "# exit", "logout", "$ ls", "# app.conf is new", "$ cat /etc/app.conf",
                "# listen on all addresses", "listen = 0.0.0.0");
        assertEquals(List.of("sudo -i", "apt-get install -y nginx", "systemctl enable nginx", "exit", "ls",
                "cat /etc/app.conf"), t.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(List.of("$", "#", "#", "#", "$", "$"), t.commands().stream().map(c -> c.prompt().sigil()).toList());
        assertEquals(List.of("logout"), t.commands().get(3).expected().stream().map(ExpectedLine::text).toList());
        // once the root shell is left, a # line is output again: a note here, a file's comment there
        assertEquals(List.of("# app.conf is new"), t.commands().get(4).expected().stream().map(ExpectedLine::text).toList());
        assertEquals(List.of("# listen on all addresses", "listen = 0.0.0.0"),
                t.commands().get(5).expected().stream().map(ExpectedLine::text).toList());
    }

    @Test
    void aShellOpenedInTheBlockShowsItsOwnPromptsUntilItIsLeft() {
        Transcript t = read("console", "$ docker exec -it db bash", "root@4f2a9c:/# psql --version",
                "psql (PostgreSQL) 15.4", "root@4f2a9c:/# exit", "exit", "$ docker ps --format '{{.Names}}'", "db");
        assertEquals(List.of("docker exec -it db bash", "psql --version", "exit", "docker ps --format '{{.Names}}'"),
                t.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(ShellPromptSyntax.Style.DOLLAR, t.style());
        assertEquals("4f2a9c", t.commands().get(1).prompt().host());
        assertEquals(List.of("exit"), texts(t.commands().get(2)));
        assertEquals(List.of("db"), texts(t.commands().get(3)));
    }

    @Test
    void shellsOpenedInsideOneAnotherAreLeftOneExitAtATime() {
        Transcript t = read("console", "$ ssh admin@db.example.org", "Welcome to Debian", "admin@db:~$ sudo -i",
                "root@db:~# exit", "logout", "admin@db:~$ exit", "Connection to db.example.org closed.", "$ ls",
                "notes.txt");
        assertEquals(List.of("ssh admin@db.example.org", "sudo -i", "exit", "exit", "ls"),
                t.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(List.of("Connection to db.example.org closed."), texts(t.commands().get(3)));
        assertEquals(List.of("notes.txt"), texts(t.commands().get(4)));
    }

    @Test
    void aLessLikelyPromptBeforeTheBlocksUsualOnesIsACommandNotARemark() {
        Transcript t = read("console", "$ echo zero", "zero", "user@host:~$ echo one", "one");
        assertEquals(List.of("echo zero", "echo one"), t.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(List.of("zero"), texts(t.commands().get(0)));
        // without a shell opened, a $ line after a user@host prompt stays output, as yarn's does below
        Transcript after = read("console", "user@host:~$ make", "$ cc -o app app.c", "user@host:~$ ls");
        assertEquals(List.of("make", "ls"), after.commands().stream().map(TranscriptCommand::command).toList());
        // a remark before the first prompt is still no command, even one that reads like root's
        Transcript remark = read("console", "# build it", "$ make");
        assertEquals(List.of("make"), remark.commands().stream().map(TranscriptCommand::command).toList());
    }

    /** what is typed at each prompt */
    private static List<String> answers(TranscriptCommand c) {
        return c.interactions().stream().map(Interaction::answer).toList();
    }

    private static List<String> texts(TranscriptCommand c) {
        return c.expected().stream().map(ExpectedLine::text).toList();
    }

    @Test
    void aDollarThatAToolPrintsInABracketedSessionIsOutput() {
        Transcript t = read("console", "[isabell@stardust ui]$ yarn build", "yarn run v1.22.19", "$ react-scripts build",
                "Compiled.", "[isabell@stardust ui]$");
        assertEquals(1, t.commands().size());
        assertEquals(Kind.OUTPUT, t.commands().get(0).expected().get(1).kind());
    }

    @Test
    void aBlockWithoutPromptIsFileContentNotASession() {
        assertTrue(reader.read(List.of("[program:demo]", "command=%(ENV_HOME)s/bin/demo", "autostart=yes"), 1, "ini").isEmpty());
        assertTrue(reader.read(List.of("uberspace web domain list", "demo.example"), 1, "console").isEmpty());
        assertTrue(reader.read(List.of("# fetch the newest release", "curl -O https://example.invalid/x.tgz"), 1, "bash").isEmpty());
        assertTrue(reader.read(List.of("# Update the index every hour", "0 * * * * ~/bin/index"), 1, "console").isEmpty(),
                "a crontab line with its comment is no root session");
        assertTrue(reader.read(List.of("[isabell@stardust ~]$ ls"), 1, "python").isEmpty(), "a python block is no session");
    }

    @Test
    void aRootSessionWithBareHashPrompts() {
        Transcript t = read("console", "# apt-get install -y supervisor", "Reading package lists... Done", "# systemctl status supervisor");
        assertEquals(ShellPromptSyntax.Style.HASH, t.style());
        assertEquals(List.of("apt-get install -y supervisor", "systemctl status supervisor"),
                t.commands().stream().map(TranscriptCommand::command).toList());
    }

    @Test
    void hereDocumentsAndOpenQuotesCarryACommandOverSeveralLines() {
        Transcript t = read("console", "[isabell@stardust ~]$ mysql <<END", "CREATE TABLE notes (id INT);", "END",
                "[isabell@stardust ~]$ echo 'first", "second' > two-lines.txt", "[isabell@stardust ~]$ cat two-lines.txt",
                "first", "second");
        assertEquals(List.of("mysql <<END\nCREATE TABLE notes (id INT);\nEND", "echo 'first\nsecond' > two-lines.txt",
                "cat two-lines.txt"), t.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(List.of("first", "second"), t.commands().get(2).expected().stream().map(ExpectedLine::text).toList());
    }

    @Test
    void compoundCommandsAndTrailingOperatorsCarryACommandOverSeveralLines() {
        Transcript t = read("console", "$ for i in 1 2; do", "  echo \"n=$i\"", "done", "n=1", "n=2",
                "$ if [ -d ~/app ]; then", "  echo yes", "else", "  echo no", "fi", "yes",
                "$ ls ~ |", "  wc -l", "3",
                "$ setup() {", "  mkdir -p ~/a", "}", "$ true &&", "  echo ok", "ok");
        assertEquals(List.of("for i in 1 2; do\n  echo \"n=$i\"\ndone",
                "if [ -d ~/app ]; then\n  echo yes\nelse\n  echo no\nfi", "ls ~ |\n  wc -l", "setup() {\n  mkdir -p ~/a\n}",
                "true &&\n  echo ok"), t.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(List.of("n=1", "n=2"), t.commands().get(0).expected().stream().map(ExpectedLine::text).toList());
        assertEquals(3, t.commands().get(0).lastLine());
    }

    @Test
    void theContinuationPromptsATerminalShowedAreNotTyped() {
        Transcript t = read("console", "$ for i in 1 2; do", ">   echo \"n=$i\"", "> done", "n=1", "n=2",
                "$ cat <<EOF > notes.txt", "> hello", ">", "> EOF", "$ echo 'one", "dquote> two'", "one", "two");
        assertEquals(List.of("for i in 1 2; do\n  echo \"n=$i\"\ndone", "cat <<EOF > notes.txt\nhello\n\nEOF",
                "echo 'one\ntwo'"), t.commands().stream().map(TranscriptCommand::command).toList());
        assertEquals(List.of("n=1", "n=2"), t.commands().get(0).expected().stream().map(ExpectedLine::text).toList());
        assertEquals(List.of("one", "two"), t.commands().get(2).expected().stream().map(ExpectedLine::text).toList());
        Transcript zsh = read("console", "$ while false", "while> do :", "while> done", "$ ls", "a");
        assertEquals(List.of("while false\ndo :\ndone", "ls"), zsh.commands().stream().map(TranscriptCommand::command).toList());
    }

    @Test
    void aHereDocumentWhoseBodyOnlyBeginsWithAMarkIsTypedAsShown() {
        // a Markdown quote written into a file: its delimiter has no "> ", so none of its lines was a prompt
        Transcript t = read("console", "$ cat <<EOF > quote.md", "> to be or not", "EOF", "$ cat quote.md",
                "> to be or not");
        assertEquals(List.of("cat <<EOF > quote.md\n> to be or not\nEOF", "cat quote.md"),
                t.commands().stream().map(TranscriptCommand::command).toList());
    }

    @Test
    void anUnclosedQuoteStopsAtTheNextPrompt() {
        Transcript t = read("console", "[isabell@stardust ~]$ echo \"unbalanced", "[isabell@stardust ~]$ ls");
        assertEquals(List.of("echo \"unbalanced", "ls"), t.commands().stream().map(TranscriptCommand::command).toList());
    }

    @Test
    void pythonReplThatQuitsItselfNeedsNoEndOfInput() {
        TranscriptCommand shell = read("console", "[isabell@stardust app]$ python3 manage.py shell", "", ">>> from app.models import Site",
                ">>> Site.objects.count()", "1", ">>> exit()", "", "[isabell@stardust app]$").commands().get(0);
        assertEquals(List.of(">>>", ">>>", ">>>"), shell.interactions().stream().map(Interaction::prompt).toList());
        assertEquals("exit()", shell.interactions().get(2).answer());
        assertTrue(shell.interactions().stream().noneMatch(Interaction::eof));
    }

    @Test
    void aPythonBlocksBodyKeepsItsIndentationAfterTheContinuationPrompt() {
        TranscriptCommand python = read("console", "$ python3 -q", ">>> for i in range(2):", "...     if i:",
                "...         print(i * 10)", "...", "10", ">>> exit()").commands().get(0);
        assertEquals(List.of("for i in range(2):", "    if i:", "        print(i * 10)", "", "exit()"),
                python.interactions().stream().map(Interaction::answer).toList());
    }

    /**
     * The bare {@code ...} that ends a Python block is an Enter, and a guide that returns to the shell after the
     * block's output leaves the REPL at {@code >>>}. Before, the input ended at {@code ...}, which ends only the
     * statement: Python waited at its next {@code >>>} until the step's timeout.
     */
    @Test
    void aBlocksLastContinuationPromptIsAnEnterAndTheReplEndsAtItsOwnPrompt() {
        TranscriptCommand python = read("console", "$ python3", ">>> for i in range(2):", "...     print(i)", "...",
                "0", "1", "$ echo done").commands().get(0);
        assertEquals(List.of(new Interaction(">>>", "for i in range(2):", false, false, null),
                new Interaction("...", "    print(i)", false, false, null),
                new Interaction("...", "", false, false, null),
                new Interaction(">>>", "", false, true, null)), python.interactions());
    }

    /** A bare {@code ...} after output is the author's cut of it, not Python's continuation prompt. */
    @Test
    void aBareContinuationPromptAfterOutputIsAnElision() {
        TranscriptCommand python = read("console", "$ python3", ">>> import this", "The Zen of Python, by Tim Peters",
                "...", ">>> exit()").commands().get(0);
        assertEquals(List.of(Kind.REPL_INPUT, Kind.OUTPUT, Kind.ELISION, Kind.REPL_INPUT), kinds(python));
        assertEquals(List.of("import this", "exit()"), python.interactions().stream().map(Interaction::answer).toList());
    }

    /**
     * {@code print(i, end=' ')} leaves no newline, so Python's next prompt, and what the reader typed at it, follow
     * the output on its line: that is typed there. Before, it was output, and {@code print("spam")} was never typed.
     */
    @Test
    void aReplPromptGluedToOutputWithoutANewlineIsTypedThere() {
        TranscriptCommand python = read("console", "$ python3 -q", ">>> for i in range(3):", "...     print(i, end=' ')",
                "...", "0 1 2 >>> print(\"spam\")", "spam", ">>> quit()").commands().get(0);
        assertEquals(List.of("for i in range(3):", "    print(i, end=' ')", "", "print(\"spam\")", "quit()"),
                python.interactions().stream().map(Interaction::answer).toList());
        assertEquals(List.of(Kind.REPL_INPUT, Kind.REPL_INPUT, Kind.REPL_INPUT, Kind.REPL_INPUT, Kind.OUTPUT,
                Kind.REPL_INPUT), kinds(python));
        TranscriptCommand merge = read("console", "$ python3 -q", ">>> print('>>>>>>> main')", ">>>>>>> main", ">>> quit()")
                .commands().get(0);
        assertEquals(Kind.OUTPUT, kinds(merge).get(1), "a conflict marker is output, not a prompt after output");
    }

    /** The reader's Ctrl-D after what it typed into {@code cat} is typed, not output (plan lists it so). */
    @Test
    void aCtrlDIsAnEndOfInputNotOutput() {
        TranscriptCommand cat = read("console", "$ cat > ~/list.txt", "milk", "eggs", "^D").commands().get(0);
        assertEquals(List.of(Kind.OUTPUT, Kind.OUTPUT, Kind.END_OF_INPUT), kinds(cat));
    }

    @Test
    void aReplLeftWithoutItsEmptyPromptIsClosedAtTheShellPrompt() {
        TranscriptCommand sqlite = read("console", "[isabell@stardust ~]$ sqlite3 notes.db", "sqlite> SELECT count(*) FROM notes;",
                "3", "[isabell@stardust ~]$").commands().get(0);
        assertEquals(List.of(new Interaction("sqlite>", "SELECT count(*) FROM notes;", false, false, null),
                new Interaction("sqlite>", "", false, true, null)), sqlite.interactions());
        TranscriptCommand maria = read("console", "[isabell@stardust ~]$ mysql", "MariaDB [(none)]> SHOW DATABASES;", "isabell",
                "MariaDB [(none)]> \\q", "Bye").commands().get(0);
        assertEquals(2, maria.interactions().size());
        assertEquals("MariaDB [(none)]>", maria.interactions().get(0).prompt());
        assertFalse(maria.interactions().get(1).eof(), "\\q leaves by itself");
    }

    @Test
    void questionsWithDefaultsChoicesAndAnswersOnTheNextLine() {
        TranscriptCommand c = read("console", "[isabell@stardust ~]$ ./setup", "Continue with the setup? [Y/n] y",
                "Admin name (leave blank to use 'isabell'):", "Admin e-mail:", "Admin password:",
                "Do you really wish to run this command? (yes/no) [no]:", " > yes", "Done.").commands().get(0);
        assertEquals(List.of(
                new Interaction("Continue with the setup? [Y/n]", "y", false, false, null),
                new Interaction("Admin name (leave blank to use 'isabell'):", "", false, false, null),
                new Interaction("Admin e-mail:", "", false, false, null),
                new Interaction("Admin password:", SECRET, true, false, SECRET),
                new Interaction(">", "yes", false, false, null)), c.interactions());
        assertEquals(List.of(Kind.PROMPT, Kind.PROMPT, Kind.PROMPT, Kind.PROMPT, Kind.OUTPUT, Kind.PROMPT, Kind.OUTPUT), kinds(c));
    }

    @Test
    void outputThatLooksLikeAQuestionIsNotAPrompt() {
        TranscriptCommand c = read("console", "[isabell@stardust ~]$ composer install",
                "  - Installing vendor/package (8.8.4): Downloading (100%)", "make[2]: Nothing to be done for 'all'.",
                "Subscribed (mid: 1): 0", "Listening on [::]:8080",
                "Signing file 'Release' with gpg, please enter your passphrase when prompted:").commands().get(0);
        assertTrue(c.interactions().isEmpty(), c.interactions().toString());
    }

    @Test
    void sidecarAnswersWinOverTheShownAnswer() {
        TranscriptReader withRule = new TranscriptReader(List.of(new dev.rehearse.plan.AnswerRule(
                java.util.regex.Pattern.compile("^Make admin \\[no\\]:"), "yes", null, false, "runbook.yaml", 3)), SECRET);
        Optional<Transcript> t = withRule.read(List.of("[isabell@stardust ~]$ register", "Make admin [no]: no"), 1, "console");
        assertEquals(new Interaction("Make admin [no]:", "yes", false, false, null), t.orElseThrow().commands().get(0).interactions().get(0));
    }

    /** {@code read} with no prompt of its own, then the one line the reader typed: typed, as it was shown. */
    @Test
    void theLineAfterABareReadIsWhatTheReaderTyped() {
        for (String command : List.of("read name", "read -r name", "IFS= read -r line")) {
            TranscriptCommand c = reader.read(List.of("$ " + command, "Ada", "$ echo \"$name\"", "Ada"), 1,
                    "console").orElseThrow().commands().get(0);
            assertEquals(List.of(new Interaction("", "Ada", false, false, null)), c.interactions(), command);
        }
        for (String command : List.of("read -p 'Name: ' name", "read name < file", "cat")) {
            TranscriptCommand c = reader.read(List.of("$ " + command, "Ada"), 1, "console").orElseThrow().commands()
                    .get(0);
            assertTrue(c.interactions().stream().noneMatch(i -> i.prompt().isEmpty() && i.answer().equals("Ada")),
                    command + ": " + c.interactions());
        }
    }

    /** The prompt a command's own read -p or input() shows: the rule wins there too. */
    @Test
    void sidecarAnswersWinAtAPromptTheCommandItselfShows() {
        TranscriptReader withRule = new TranscriptReader(List.of(new dev.rehearse.plan.AnswerRule(
                java.util.regex.Pattern.compile("^Name:"), "alice", null, false, "runbook.yaml", 3)), SECRET);
        for (String command : List.of("python3 -c 'p=input(\"Name: \"); print(len(p))'", "read -p 'Name: ' p; echo ${#p}")) {
            Optional<Transcript> t = withRule.read(List.of("$ " + command, "Name: bob", "3"), 1, "console");
            assertEquals(new Interaction("Name:", "alice", false, false, null),
                    t.orElseThrow().commands().get(0).interactions().get(0), command);
        }
    }

    /**
     * GitHub's docs mark each line of output with "> ": the marks go, and a remark among the marked lines is no
     * output. Lines that only start with ">" among others (diff's), a REPL's prompts, and a command that goes on over
     * continuation lines are read as before.
     */
    @Test
    void outputMarkedWithAnAngleBracketIsReadWithoutItsMarks() {
        Transcript t = read("shell", "$ git --version", "> git version 2.39.5", "$ ssh-add -l",
                "# the key you added", ">256 SHA256:abc bot@example.com (ED25519)");
        assertEquals(List.of("git version 2.39.5"), texts(t.commands().get(0)));
        assertEquals(List.of("256 SHA256:abc bot@example.com (ED25519)"), texts(t.commands().get(1)));
        Transcript diff = read("shell", "$ diff a.txt b.txt", "1c1", "< hello", "---", "> hi");
        assertEquals(List.of("1c1", "< hello", "---", "> hi"), texts(diff.commands().get(0)));
        Transcript python = read("console", "$ python3", ">>> import sys", ">>> sys.exit(0)");
        assertEquals(List.of(Kind.REPL_INPUT, Kind.REPL_INPUT), kinds(python.commands().get(0)));
        Transcript heredoc = read("shell", "$ cat > notes.txt <<EOF", "> one", "> EOF", "$ cat notes.txt", "one");
        assertEquals("cat > notes.txt <<EOF\none\nEOF", heredoc.commands().get(0).command());
    }

    /** What to do at a prompt, in brackets: Enter where it says to press it, else the prompt as showing nothing typed. */
    @Test
    void aPromptsBracketedInstructionIsNoAnswerToType() {
        Transcript t = read("shell", "$ ssh-keygen -t ed25519",
                "> Enter a file in which to save the key (/home/YOU/.ssh/id_ed25519):[Press enter]",
                "> Enter passphrase (empty for no passphrase): [Type a passphrase]",
                "> Enter same passphrase again: [Type passphrase again]");
        assertEquals(List.of(new Interaction("Enter a file in which to save the key (/home/YOU/.ssh/id_ed25519):", "",
                        false, false, null),
                new Interaction("Enter passphrase (empty for no passphrase):", "", true, false, null),
                new Interaction("Enter same passphrase again:", "", true, false, null)),
                t.commands().get(0).interactions());
        Transcript login = read("console", "$ ./login", "Password: [Type your password]");
        assertEquals(new Interaction("Password:", SECRET, true, false, SECRET), login.commands().get(0).interactions().get(0));
    }
}
