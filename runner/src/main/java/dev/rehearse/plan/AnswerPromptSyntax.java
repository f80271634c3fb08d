package dev.rehearse.plan;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes a line of a transcript where a program asked something and the reader answered: a hidden
 * password prompt ({@code Password:}, {@code Enter it again:}), a question with a default or choices and
 * the typed answer after it ({@code Make admin [no]: no}, {@code Continue? [Y/n] y}), an Inquirer-style
 * {@code ? Email address: x}, a Symfony-style answer on the line after its question ({@code > yes}), a
 * bare {@code Label:} straight after another prompt (Django's {@code Email address:}), and a wait for Enter
 * ({@code Press [Enter] to continue}).
 * Output that merely ends with a colon ({@code Uninstalling pip-9.0.1:}) is no prompt.
 */
public final class AnswerPromptSyntax {

    /**
     * @param prompt what the output ends with while the program waits (trimmed)
     * @param answer what the guide shows typed there; empty for a hidden prompt or a plain Enter
     * @param hidden the program does not echo the answer
     */
    public record Prompt(String prompt, String answer, boolean hidden) {
    }

    /** prompts are short; a long line ending in a colon is prose ("... enter your passphrase when prompted:") */
    private static final int LONGEST_HIDDEN = 60;
    private static final int LONGEST = 100;
    private static final Pattern SECRET_WORDS = Pattern.compile(
            "(?i)\\b(password|pass ?phrase|passwort|kennwort|pin)\\b|enter it again|\\(again\\)");
    /** see {@link #offersNone} */
    private static final Pattern OFFERS_NONE = Pattern.compile("(?i)\\b(?:empty|blank)\\s+(?:for|to|if)\\b"
            + "|\\b(?:return|enter)\\s+(?:for|to|if)\\s+(?:no|none|same|skip|keep)\\b|\\(optional\\)");
    /**
     * a program that waits for Enter or any key, the key never shown: {@code Press [Enter] to continue}, {@code Hit
     * enter to notify test owner...}, {@code Press any key to continue . . .}
     */
    private static final Pattern PRESS_KEY = Pattern.compile("(?i)^\\s*[\\[(]?(?:please\\s+)?(?:press|hit)\\s+"
            + "(?:the\\s+)?[<\\[]?(?:enter|return|any\\s+key)[>\\]]?(?:\\s+key)?"
            + "(?:[\\s,]+(?:to|when|if|for|and|or)\\b.*)?[\\])]?\\s*$");
    /**
     * a prompt followed by what the reader does there, in brackets, as GitHub's docs write it: {@code Enter a file in
     * which to save the key (/home/YOU/.ssh/id_ed25519):[Press enter]}, {@code Enter passphrase (empty for no
     * passphrase): [Type a passphrase]}
     */
    private static final Pattern INSTRUCTED = Pattern.compile("^(?<prompt>.*?\\S)\\s*\\[(?<instruction>(?i:(?<press>"
            + "(?:press|hit)\\s+(?:the\\s+)?(?:enter|return)(?:\\s+key)?)|(?:type|enter|choose|select|paste)\\s)[^\\]]*)\\]\\s*$");
    /** a default in brackets right before the colon: {@code A challenge password []:} */
    private static final Pattern BRACKETED_DEFAULT = Pattern.compile("\\[[^\\]]*\\]\\s*:$");
    private static final Pattern HIDDEN = Pattern.compile("^\\s*(?<prompt>[^:]*\\S\\s*:)\\s*$");
    /** what a guide shows where nothing was echoed: stars, {@code [hidden]}, {@code (...)} */
    private static final Pattern MASKED = Pattern.compile(
            "^\\s*(?<prompt>[^:]*\\S\\s*:)\\s*(?:\\*{3,}|(?i:\\[hidden]|\\(hidden\\)|<hidden>)|\\(\\.\\.\\.\\))\\s*$");
    private static final Pattern INQUIRER = Pattern.compile("^\\s*(?<prompt>\\?\\s+[^:]+:)\\s*(?<answer>.*)$");
    /**
     * Inquirer's (and survey's) question that ends in a question mark, then the answer chosen or typed
     * ({@code ? What account do you want to log into? GitHub.com}); choices still offered after it
     * ({@code (y/N)}) are the question's, no answer
     */
    private static final Pattern INQUIRER_ASKS = Pattern.compile(
            "^\\s*(?<prompt>\\?\\s+[^:]*\\?)\\s+(?<answer>[^\\s(\\[][^:]*)$");
    /** one bracketed default or set of choices: {@code [no]}, {@code (yes/no)}; a colon inside means output */
    private static final String BRACKETS = "(?:\\[[^\\]:]*\\]|\\([^):]*\\))(?:\\s*(?:\\[[^\\]:]*\\]|\\([^):]*\\)))*";
    /** a question ending in bracketed defaults or choices, then : or ?, then the answer; list items are output */
    private static final Pattern DEFAULTED = Pattern.compile(
            "^(?!\\s*[-*•]\\s)\\s*(?<prompt>(?:>\\s+)?[^\\[(>]*\\S\\s+" + BRACKETS + "\\s*[:?])(?:\\s+(?<answer>.*))?$");
    /** a bracket that offers a default or a choice ({@code [no]}, {@code (yes/no)}); {@code (uid 1013)} offers none */
    private static final Pattern OFFERS = Pattern.compile("\\[|\\?|/|\\bto\\b|\\bor\\b");
    /**
     * a wizard's question and its typed answer ({@code Title: My Blog}, git's {@code Username for
     * 'https://example.org': isabell}, its colons in quotes masked), only next to other prompts; a typed answer is a
     * few words, a sentence after a colon ({@code created for user: 'x', it will be live soon...}) is output. A
     * lowercase label only between a prompt and a label with its default (npm init's {@code description: A blog})
     */
    private static final Pattern LABEL_ANSWER = Pattern.compile(
            "^\\s*(?<prompt>\\p{L}[\\w ./'@-]{0,50}\\??:)\\s+(?<answer>\\S+(?:\\s+\\S+){0,3}?)(?<![.,;!])\\s*$");
    /** what a transcript shows for a plain Return: {@code <enter>}, {@code [Enter]}, {@code (return)} */
    private static final Pattern ENTER = Pattern.compile("(?i)^[<\\[(]?(?:enter|return)[>\\])]?$");
    /** a question mark followed by bracketed choices, then the answer: {@code Continue? [Y/n] y} */
    private static final Pattern CHOICES = Pattern.compile(
            "^(?!\\s*[-*•]\\s)\\s*(?<prompt>[^?]*\\?\\s*" + BRACKETS + "\\s*[:?]?)(?:\\s+(?<answer>.*))?$");
    /** choices by their first letters, then the answer: certbot's {@code (Y)es/(N)o: Y}, {@code (A)gree/(C)ancel: A} */
    private static final Pattern LETTER_CHOICES = Pattern.compile("^\\s*(?<prompt>\\(\\p{L}\\)\\p{L}*"
            + "(?:\\s*[/,]\\s*\\(\\p{L}\\)\\p{L}*)+\\s*:)\\s*(?<answer>\\p{L}{0,3})\\s*$");
    /**
     * a wizard's label, its default in parentheses after the colon, then the answer: npm init's {@code package name:
     * (app) blog}, {@code version: (1.0.0)}; only next to other prompts
     */
    private static final Pattern LABEL_DEFAULT = Pattern.compile(
            "^\\s*(?<prompt>\\p{L}[\\w .-]{0,30}:\\s+\\([^():\\s]*\\))(?:\\s+(?<answer>\\S.*))?$");
    /** a question that offers yes and no in words, then the answer: {@code Type 'yes' to continue, or 'no' to cancel: yes} */
    private static final Pattern YES_OR_NO = Pattern.compile(
            "(?i)^\\s*(?<prompt>(?=[^:]*\\byes\\b)(?=[^:]*\\bno\\b)[^:]{1,80}:)\\s+(?<answer>yes|no|y|n)\\s*$");
    private static final Pattern SYMFONY_ANSWER = Pattern.compile("^\\s*>\\s?(?<answer>.*)$");
    /**
     * a yes-or-no choice in brackets that ends the question without a mark, then the answer or nothing (Enter):
     * mariadb's {@code Switch to unix_socket authentication [Y/n] n}
     */
    private static final Pattern YES_NO_BRACKET = Pattern.compile(
            "(?i)^\\s*(?<prompt>[^\\[\\]:?]{0,80}\\S\\s+\\[(?:y/n|yes/no)\\])(?:\\s+(?<answer>yes|no|y|n))?\\s*$");
    /** choices without brackets, then the answer: {@code Overwrite existing config? y/N: y} */
    private static final Pattern BARE_CHOICES = Pattern.compile(
            "(?i)^\\s*(?<prompt>[^:?]{1,80}\\?\\s+(?:y/n|yes/no)\\s*[:?]?)\\s+(?<answer>yes|no|y|n)\\s*$");
    /** a question that quotes the answer it takes: {@code Type 'yes' to confirm: yes} */
    private static final Pattern QUOTED_ANSWER = Pattern.compile(
            "^\\s*(?<prompt>[^:]{0,60}(?<q>['\"])(?<word>[\\w-]+)\\k<q>[^:]{0,40}:)\\s+(?<answer>[\\w-]+)\\s*$");
    /** a program's own question, answered y or n as coreutils' -i asks: {@code rm: remove regular file 'x'? y} */
    private static final Pattern PROGRAM_ASKS = Pattern.compile(
            "^(?<prompt>[a-z][\\w.-]*: [^?]{1,80}\\?)\\s+(?<answer>y|n|yes|no)\\s*$");
    /** an answer typed right after a bracketed default and its colon, as openssl's {@code [AU]:US} shows it */
    private static final Pattern TIGHT_ANSWER = Pattern.compile("^(?<prompt>.*\\S\\s+\\[[^\\]:]*\\]:)(?<answer>\\S.*)$");
    /**
     * a prompt that says what to type, then the answer: Terraform's {@code Enter a value: yes}, certbot's second
     * line {@code (Enter 'c' to cancel): isabell@example.org}
     */
    private static final Pattern TELLS = Pattern.compile("^\\s*(?<prompt>\\(?(?:Please\\s+)?(?:Enter|Type|Choose|Select"
            + "|Input|Provide|Specify|Pick)\\s[^:]{1,60}:)\\s+(?<answer>\\S.{0,60})$");
    /** the answer to a menu of bash's {@code select}, at its default prompt: {@code #? 2} */
    private static final Pattern SELECT_MENU = Pattern.compile("^#\\?\\s+(?<answer>\\S+)\\s*$");
    private static final Pattern BARE_LABEL = Pattern.compile("^\\s*(?<prompt>[^:\\s][^:]{0,39}:)\\s*$");
    /**
     * a question, then an answer of a few letters or digits and nothing else: a menu's choice ({@code Your
     * selection? 1}) or GnuPG's {@code Change (N)ame, (C)omment or (O)kay? o}; longer text after a question is output
     */
    private static final Pattern SHORT_ANSWER = Pattern.compile(
            "^(?!\\s*[-*•]\\s)\\s*(?<prompt>\\p{Lu}[^?\\[\\]]{0,80}\\?)\\s+(?<answer>[\\p{L}\\d]{1,3})\\s*$");

    /**
     * a question as a person asks it, then a typed answer of words ({@code What is your name? Ada Lovelace},
     * {@code Which port should it listen on? 8080}): a prompt only among other prompts, as a wizard asks them, since
     * alone it may be a line of a text; an answer that ends as a sentence does is output
     */
    private static final Pattern ASKED = Pattern.compile("^\\s*(?<prompt>(?:What|Which|Where|Who|Whose|When|How|Do|Does"
            + "|Would|Should|Shall|Will|Can|Could|Is|Are)\\b[^?\\[\\]]{1,80}\\?)\\s+(?<answer>[^\\s?]"
            + "(?:[^?]{0,58}[^\\s?!.])?)$");

    /**
     * the date and time a program that logs its questions puts before each, and the log level after it: The
     * Lounge's {@code 2021-10-21 11:46:33 [PROMPT] Enter password:}
     */
    private static final Pattern LOG_STAMP = Pattern.compile("^\\s*\\[?\\d{4}-\\d\\d-\\d\\d[ T]\\d\\d:\\d\\d:\\d\\d"
            + "(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?]?\\s+(?:\\[[A-Z]+]\\s+)?");

    private AnswerPromptSyntax() {
    }

    /**
     * The prompt {@code line} shows, if any.
     *
     * @param previous          the line before it in the same command's output, or null
     * @param next              the line after it, or null
     * @param previousWasPrompt the line before it was itself a prompt (prompts come in runs)
     */
    public static Optional<Prompt> match(String line, String previous, String next, boolean previousWasPrompt) {
        if (!mayAsk(line)) {
            return Optional.empty();
        }
        Matcher stamped = LOG_STAMP.matcher(line);
        if (stamped.lookingAt() && stamped.end() < line.length()) {
            // the question without the moment it was asked at, which the program's next run words otherwise
            return match(line.substring(stamped.end()), previous, next, previousWasPrompt);
        }
        if (line.isBlank() || line.strip().length() > LONGEST) {
            return Optional.empty();
        }
        if (next != null && endsAsQuestion(line) && SYMFONY_ANSWER.matcher(next).matches()) {
            return Optional.empty(); // the question of a Symfony prompt; the answer line carries the prompt
        }
        Matcher m = SYMFONY_ANSWER.matcher(line);
        if (m.matches() && previous != null && endsAsQuestion(previous)) {
            return Optional.of(new Prompt(">", m.group("answer").strip(), SECRET_WORDS.matcher(previous).find()));
        }
        if (PRESS_KEY.matcher(line).matches()) {
            return Optional.of(new Prompt(line.strip(), "", false));
        }
        m = INSTRUCTED.matcher(line);
        if (line.stripTrailing().endsWith("]") && m.matches()) {
            String prompt = m.group("prompt").strip();
            if (m.group("press") != null) {
                return Optional.of(new Prompt(prompt, "", false));
            }
            // what to type is the reader's to choose: the prompt is read as showing nothing typed
            return match(prompt, previous, next, previousWasPrompt).or(() -> Optional.of(new Prompt(prompt, "", false)));
        }
        m = YES_NO_BRACKET.matcher(line);
        if (m.matches()) {
            return Optional.of(new Prompt(m.group("prompt").strip(), answerShown(m), false));
        }
        if (line.indexOf(':') < 0 && line.indexOf('?') < 0) {
            // every prompt below ends its question with one of these: most output lines are let go here, before a
            // dozen expressions are tried on them
            return Optional.empty();
        }
        Matcher tight = TIGHT_ANSWER.matcher(line);
        if (tight.matches()) {
            line = tight.group("prompt") + " " + tight.group("answer");
        }
        boolean bracketed = line.indexOf('[') >= 0 || line.indexOf('(') >= 0;
        // a colon in quotes ends no prompt: git's "Password for 'https://isabell@example.org':"
        String unquoted = colonsInQuotesMasked(line);
        m = HIDDEN.matcher(unquoted);
        if (!m.matches()) {
            m = MASKED.matcher(unquoted); // "Enter Password: ******": the guide shows stars where nothing was echoed
        }
        // a default offered in brackets, even an empty one (openssl's "A challenge password []:"), is shown as typed;
        // sudo's "[sudo] password for isabell:" offers none
        if (m.matches() && m.group("prompt").strip().length() <= LONGEST_HIDDEN && SECRET_WORDS.matcher(line).find()
                && !BRACKETED_DEFAULT.matcher(m.group("prompt")).find()) {
            return Optional.of(new Prompt(line.substring(m.start("prompt"), m.end("prompt")).strip(), "", true));
        }
        for (Pattern p : new Pattern[]{INQUIRER, INQUIRER_ASKS, DEFAULTED, CHOICES, YES_OR_NO}) {
            if ((p == DEFAULTED || p == CHOICES) && !bracketed) {
                continue; // both need a bracketed default or choice
            }
            m = p.matcher(line);
            if (m.matches()) {
                String answer = answerShown(m);
                if (p == DEFAULTED && answer.isEmpty() && !OFFERS.matcher(m.group("prompt")).find()) {
                    continue; // "Disk quotas for user isabell (uid 1013):" heads output, asks nothing
                }
                boolean hidden = SECRET_WORDS.matcher(m.group("prompt")).find() && answer.isEmpty()
                        && !m.group("prompt").contains("[");
                return Optional.of(new Prompt(m.group("prompt").strip(), answer, hidden));
            }
        }
        for (Pattern p : new Pattern[]{BARE_CHOICES, PROGRAM_ASKS}) {
            m = p.matcher(line);
            if (m.matches()) {
                return Optional.of(new Prompt(m.group("prompt").strip(), m.group("answer"), false));
            }
        }
        m = SELECT_MENU.matcher(line);
        if (m.matches()) {
            return Optional.of(new Prompt("#?", m.group("answer"), false));
        }
        m = TELLS.matcher(line);
        if (m.matches() && !SECRET_WORDS.matcher(m.group("prompt")).find()) {
            return Optional.of(new Prompt(m.group("prompt").strip(), answerShown(m), false));
        }
        m = QUOTED_ANSWER.matcher(line);
        if (m.matches() && m.group("answer").equals(m.group("word"))) {
            return Optional.of(new Prompt(m.group("prompt").strip(), m.group("answer"), false));
        }
        m = LETTER_CHOICES.matcher(line);
        if (m.matches()) {
            return Optional.of(new Prompt(m.group("prompt").strip(), m.group("answer"), false));
        }
        m = LABEL_DEFAULT.matcher(line);
        if (previousWasPrompt && m.matches()) {
            return Optional.of(new Prompt(m.group("prompt").strip(), answerShown(m), false));
        }
        m = SHORT_ANSWER.matcher(line);
        if (m.matches()) {
            return Optional.of(new Prompt(m.group("prompt").strip(), m.group("answer"), false));
        }
        m = ASKED.matcher(line);
        if (m.matches() && (previousWasPrompt || next != null && (ASKED.matcher(next).matches() || isQuestion(next)))) {
            return Optional.of(new Prompt(m.group("prompt").strip(), answerShown(m), false));
        }
        m = BARE_LABEL.matcher(line);
        if (previousWasPrompt && m.matches() && !headsIndented(line, next)) {
            return Optional.of(new Prompt(m.group("prompt").strip(), "", false));
        }
        m = LABEL_ANSWER.matcher(unquoted);
        if (m.matches() && (previousWasPrompt || next != null && isQuestion(next))
                && (Character.isUpperCase(unquoted.charAt(m.start("prompt")))
                || previousWasPrompt && next != null && LABEL_DEFAULT.matcher(next).matches())) {
            return Optional.of(new Prompt(line.substring(m.start("prompt"), m.end("prompt")).strip(),
                    enter(m.group("answer").strip()), false));
        }
        return Optional.empty();
    }

    /**
     * A hidden prompt that says an empty answer means none or the default: ssh-keygen's {@code (empty for no
     * passphrase)}, {@code (leave blank for none)}, keytool's {@code (RETURN if same as keystore password)},
     * {@code (optional)}.
     */
    static boolean offersNone(String prompt) {
        return OFFERS_NONE.matcher(prompt).find();
    }

    /** The line with every colon between a pair of single quotes replaced, each character in its place. */
    private static String colonsInQuotesMasked(String line) {
        int open = line.indexOf('\'');
        if (open < 0) {
            return line;
        }
        char[] masked = line.toCharArray();
        int last = line.lastIndexOf('\'');
        boolean quoted = false;
        for (int i = open; i < masked.length; i++) {
            if (masked[i] == '\'') {
                quoted = !quoted && i < last;
            } else if (quoted && masked[i] == ':') {
                masked[i] = '_';
            }
        }
        return new String(masked);
    }

    /** What the match shows typed after its prompt, when it may show nothing (then it is a plain Return). */
    private static String answerShown(Matcher m) {
        return m.group("answer") == null ? "" : enter(m.group("answer").strip());
    }

    /** A shown Return ({@code <enter>}) is an empty answer, not the text. */
    static String enter(String answer) {
        return ENTER.matcher(answer).matches() ? "" : answer;
    }

    /** A line that asks with a default or choices (what a wizard's plain question stands next to). */
    private static boolean isQuestion(String line) {
        Matcher m = DEFAULTED.matcher(line);
        return m.matches() && OFFERS.matcher(m.group("prompt")).find() || CHOICES.matcher(line).matches()
                || (HIDDEN.matcher(colonsInQuotesMasked(line)).matches() || MASKED.matcher(line).matches())
                && SECRET_WORDS.matcher(line).find();
    }

    /** The next line is indented deeper: the label heads what the program lists under it ("You selected:"). */
    private static boolean headsIndented(String line, String next) {
        return next != null && !next.isBlank() && indent(next) > indent(line);
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    /**
     * Whether the line has what every prompt below needs: a question's colon or mark, Symfony's {@code >}, a bracket
     * or a key to press. Most output lines have none, and are let go before any expression is tried on them.
     */
    private static boolean mayAsk(String line) {
        if (line.indexOf(':') >= 0 || line.indexOf('?') >= 0 || line.indexOf('>') >= 0 || line.indexOf('[') >= 0) {
            return true;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        return lower.contains("press") || lower.contains("hit");
    }

    private static boolean endsAsQuestion(String line) {
        String s = line.strip();
        return s.endsWith(":") || s.endsWith("?");
    }
}
