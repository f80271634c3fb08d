package dev.rehearse.plan;

import dev.rehearse.model.Interaction;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Installer wizards, read -p, Return shown as <enter>, and output that merely ends in a colon: sessions of our own. */
class WizardTranscriptTest {
    private final TranscriptReader reader = new TranscriptReader(List.of(), "<password>");

    private TranscriptCommand only(String... lines) {
        List<TranscriptCommand> commands = reader.read(List.of(lines), 1, "console").orElseThrow().commands();
        assertEquals(1, commands.size(), commands.toString());
        return commands.get(0);
    }

    private static List<String> typed(TranscriptCommand c) {
        return c.interactions().stream().map(i -> i.prompt() + "|" + i.answer()).toList();
    }

    @Test
    void aWizardsQuestionsWithDefaultsAndTypedAnswersAreAllAnswered() {
        TranscriptCommand setup = only(
                "[isabell@stardust ~]$ ./setup",
                "Listen on port (1025 to 65534): 40132",
                "Use SSL? [no]: yes",
                "Title: My Blog",
                "> Author? [You]: isabell",
                "Data folder [~/data]: <enter>",
                "Done.",
                "[isabell@stardust ~]$");
        assertEquals(List.of("Listen on port (1025 to 65534):|40132", "Use SSL? [no]:|yes", "Title:|My Blog",
                "> Author? [You]:|isabell", "Data folder [~/data]:|"), typed(setup));
        assertEquals(ExpectedLine.Kind.OUTPUT, setup.expected().get(5).kind());
    }

    @Test
    void aLabelBeforeAMaskedPasswordIsAPromptToo() {
        TranscriptCommand admin = only(
                "[isabell@stardust ~]$ app -create-admin",
                "Enter Username: isabell",
                "Enter Password: ******",
                "[isabell@stardust ~]$");
        assertEquals(List.of("Enter Username:|isabell", "Enter Password:|<password>"), typed(admin));
    }

    /**
     * A program that logs its questions puts the moment before each (The Lounge's {@code [PROMPT]} lines): the
     * question is its words, which end the terminal's line on another day too.
     */
    @Test
    void aQuestionAfterALogsDateAndLevelIsItsWords() {
        TranscriptCommand add = only(
                "[isabell@stardust ~]$ chat-server add isabell",
                "2021-10-21 11:46:33 [PROMPT] Enter password:",
                "2021-10-21 11:46:39 [PROMPT] Save logs to disk? (yes)",
                "[2023-04-01T08:00:00.123Z] Continue? [Y/n] y",
                "2021-10-21 11:46:41 [INFO] User isabell created.",
                "2021-10-21 11:46:41 [INFO] Settings at: /home/isabell/users/isabell.json",
                "[isabell@stardust ~]$");
        assertEquals(List.of(new Interaction("Enter password:", "<password>", true, false, "<password>"),
                new Interaction("Save logs to disk? (yes)", "", false, false, null),
                new Interaction("Continue? [Y/n]", "y", false, false, null)), add.interactions());
        assertEquals(ExpectedLine.Kind.OUTPUT, add.expected().get(3).kind());
    }

    @Test
    void aLineAfterReadDashPIsItsPromptAndAnswer() {
        TranscriptCommand read = only(
                "[isabell@stardust ~]$ read -p \"Name: \" n && read -s -p 'Secret: ' s && echo \"hi $n\"",
                "Name: Robin",
                "Secret:",
                "hi Robin",
                "[isabell@stardust ~]$");
        assertEquals(List.of(new Interaction("Name:", "Robin", false, false, null),
                new Interaction("Secret:", "<password>", true, false, "<password>")), read.interactions());
    }

    @Test
    void aLineAfterPythonsInputIsItsPromptAndAnswerAndGetpassHidesIt() {
        TranscriptCommand python = only(
                "$ python3 -c 'import getpass; n = input(\"Name: \"); p = getpass.getpass(\"Token: \"); print(n)'",
                "Name: Ada",
                "Token:",
                "Ada",
                "$");
        assertEquals(List.of(new Interaction("Name:", "Ada", false, false, null),
                new Interaction("Token:", "<password>", true, false, "<password>")), python.interactions());
    }

    @Test
    void outputThatEndsInAColonOrShowsANumberAfterOneIsNoPrompt() {
        TranscriptCommand quota = only(
                "[isabell@stardust ~]$ quota",
                "Disk quotas for user isabell (uid 1013):",
                "     Filesystem  blocks   quota   limit   grace   files   quota   limit   grace",
                "[isabell@stardust ~]$");
        assertEquals(List.of(), quota.interactions());
        TranscriptCommand list = reader.read(List.of(
                "[isabell@stardust ~]$ uberspace web backend list",
                "/ http:8000 => OK, listening: PID 15682, /usr/bin/node server",
                "[isabell@stardust ~]$"), 1, "console").orElseThrow().commands().get(0);
        assertEquals(List.of(), list.interactions());
    }

    @Test
    void aMenuChoiceAndAChoiceOfLettersAreAnsweredButALabelOverAnIndentedListingIsOutput() {
        TranscriptCommand keygen = only(
                "[isabell@stardust ~]$ keytool --new",
                "Which kind of key?",
                "   (1) RSA",
                "   (2) DSA",
                "Your selection? 1",
                "Key size? (2048) 4096",
                "Real name: Isabell Example",
                "Comment:",
                "You selected this identity:",
                "    \"Isabell Example\"",
                "",
                "Change (N)ame, (C)omment or (O)kay/(Q)uit? o",
                "Key created.",
                "[isabell@stardust ~]$");
        assertEquals(List.of("Your selection?|1", "Key size? (2048)|4096", "Real name:|Isabell Example", "Comment:|",
                "Change (N)ame, (C)omment or (O)kay/(Q)uit?|o"), typed(keygen));
        TranscriptCommand news = only(
                "[isabell@stardust ~]$ cat faq.txt",
                "Why does it fail? See the log file for the reason.",
                "[isabell@stardust ~]$");
        assertEquals(List.of(), news.interactions(), "a question followed by more than a short answer is output");
    }

    @Test
    void questionsAsAPersonAsksThemAmongOtherPromptsAndInquirersAreAnswered() {
        TranscriptCommand setup = only(
                "[isabell@stardust ~]$ ./setup.sh",
                "What is your name? Ada Lovelace",
                "Which port should it listen on? 8080",
                "Is this correct? [Y/n] y",
                "Done.",
                "[isabell@stardust ~]$");
        assertEquals(List.of("What is your name?|Ada Lovelace", "Which port should it listen on?|8080",
                "Is this correct? [Y/n]|y"), typed(setup));
        TranscriptCommand gh = only(
                "[isabell@stardust ~]$ gh auth login",
                "? What account do you want to log into? GitHub.com",
                "? Project name: blog",
                "[isabell@stardust ~]$");
        assertEquals(List.of("? What account do you want to log into?|GitHub.com", "? Project name:|blog"),
                typed(gh));
        TranscriptCommand text = only(
                "[isabell@stardust ~]$ cat faq.txt",
                "What is it? A tool that runs guides",
                "How does it work? It reads them.",
                "[isabell@stardust ~]$");
        assertEquals(List.of(), text.interactions(), "a question alone, or answered as a sentence, is text");
    }

    @Test
    void aQuestionOfferingYesAndNoInWordsIsAnsweredButAStatusLineIsNot() {
        TranscriptCommand collect = only(
                "[isabell@stardust ~]$ ./manage collect",
                "Enabled: yes",
                "This will overwrite existing files!",
                "Type 'yes' to continue, or 'no' to cancel: yes",
                "[isabell@stardust ~]$");
        assertEquals(List.of("Type 'yes' to continue, or 'no' to cancel:|yes"), typed(collect));
    }

    @Test
    void aPasswordShownAsHiddenIsTheSecretAndASentenceAfterAPromptIsOutput() {
        TranscriptCommand mailbox = only(
                "[isabell@stardust ~]$ mail-add box",
                "Enter a password for the mailbox: (...)",
                "Please confirm your password: [hidden]",
                "New mailbox created for user: 'box', it will be live in a few minutes...",
                "[isabell@stardust ~]$");
        assertEquals(List.of("Enter a password for the mailbox:|<password>", "Please confirm your password:|<password>"),
                typed(mailbox));
    }

    @Test
    void openSslsAnswersAfterTheColonAndEmptyDefaultsChoicesWithoutBracketsAndAProgramsOwnQuestion() {
        TranscriptCommand req = only(
                "$ openssl req -new -key server.key -out server.csr",
                "-----",
                "Country Name (2 letter code) [AU]:US",
                "Organizational Unit Name (eg, section) []:",
                "A challenge password []:",
                "$");
        assertEquals(List.of(new Interaction("Country Name (2 letter code) [AU]:", "US", false, false, null),
                new Interaction("Organizational Unit Name (eg, section) []:", "", false, false, null),
                new Interaction("A challenge password []:", "", false, false, null)), req.interactions(),
                "a default offered in brackets is shown as typed, even beside a secret word");
        TranscriptCommand asks = only(
                "$ ./reset",
                "Enabled: yes",
                "Status: 'ok' as before: fine",
                "Overwrite existing config? y/N: y",
                "Type 'yes' to confirm: yes",
                "rm: remove regular empty file 'scratch.txt'? y",
                "$");
        assertEquals(List.of("Overwrite existing config? y/N:|y", "Type 'yes' to confirm:|yes",
                "rm: remove regular empty file 'scratch.txt'?|y"), typed(asks), "status lines are output");
    }
}
