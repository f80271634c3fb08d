package dev.rehearse.bind;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the POSIX shell's lexing to answer two questions about a command as a guide shows it: is it
 * complete, or do a trailing backslash, an open quote, a pending here-document, an unclosed compound command
 * ({@code for ... do} without its {@code done}, {@code if}, {@code case}, {@code {}, a subshell's parenthesis) or a
 * line that ends in {@code |}, {@code &&} or {@code ||} carry it onto the next line, as bash would wait for it; and
 * in which quoting contexts does each character stand (what decides which values are safe there).
 * <p>
 * A character can stand in several contexts at once, one per shell that reads it: the text of
 * {@code bash -c 'echo X'} is read by the first shell inside '...' and by the second one bare. So the words a
 * command hands to another shell ({@code sh -c}, {@code su -c}, {@code runuser -c}, {@code eval}, {@code ssh host
 * ...}, {@code watch}) and the here-documents it feeds one are lexed again, and their contexts added to those of the
 * characters they came from; command substitutions ({@code $(...)}, backquotes) are lexed as the commands they are.
 * Where the lexer cannot follow the text to its last reader (a pipe into a shell, a parameter or arithmetic
 * expansion) the character gets {@link Context#OPAQUE}, which allows only what is safe everywhere.
 */
public final class ShellText {

    /** The quoting context of one character of a command, for one shell that reads it. */
    public enum Context {
        /** outside any quotes: word splitting, globbing and every operator apply */
        UNQUOTED,
        /** inside '...': nothing is special but the closing quote */
        SINGLE,
        /** inside "...": $, `, \, " and ! (history) are special */
        DOUBLE,
        /** the body of a here-document whose delimiter is unquoted: $, ` and \ are special */
        HEREDOC_EXPANDING,
        /** the body of a here-document with a quoted delimiter: only a newline matters */
        HEREDOC_LITERAL,
        /** after an unquoted # at the start of a word */
        COMMENT,
        /** read by something whose quoting Rehearse does not follow: only what is safe bare, without blanks */
        OPAQUE
    }

    // <<-? then the delimiter, bare or quoted, on the same line: EOF, 'EOF', "EOF"
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)[ \t]*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");
    private static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "busybox");
    /** programs whose {@code -c WORD} is a command line for a shell */
    private static final Set<String> DASH_C = Set.of("su", "runuser", "script", "flock");
    /** programs that join all their later words into one command line for a shell */
    private static final Set<String> JOINING = Set.of("eval", "ssh", "watch");
    private static final Pattern C_OPTION = Pattern.compile("-[A-Za-z]*c[A-Za-z]*");
    /** stands for an expansion inside a word handed to another shell: a plain word character */
    private static final char EXPANSION = 'x';

    private final String text;
    private final List<EnumSet<Context>> contexts;
    private final Deque<PendingHeredoc> pending = new ArrayDeque<>();
    /** the delimiter of a here-document whose body the text ends in */
    private String unfinishedHeredoc;
    /** why the shell would wait for more lines after the text, as a reader is told it; null when it would not */
    private String openBecause;
    /** compound commands opened and not closed yet: if ... fi, for/while/until/select ... done, case ... esac, { } */
    private int compounds;
    /** what was read so far ends in |, && or ||: the command goes on in the next line */
    private boolean operatorPending;
    /** subshells opened at the top level and not closed yet */
    private int topParens;
    /** the index after the first newline that ends a complete command (here-documents read); -1 while none has */
    private int firstCompleteEnd = -1;

    private ShellText(String text) {
        this.text = text;
        this.contexts = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            contexts.add(EnumSet.noneOf(Context.class));
        }
        int end = commands(0, Level.TOP);
        if (unfinishedHeredoc != null || !pending.isEmpty()) {
            openBecause = "a here-document without its "
                    + (unfinishedHeredoc != null ? unfinishedHeredoc : pending.peekFirst().delimiter()) + " line";
        } else if (end < 0) {
            openBecause = "an open quote or substitution, or a trailing backslash";
        } else if (compounds > 0) {
            openBecause = "a for, while, until, if, case or { without its done, fi, esac or }";
        } else if (topParens > 0) {
            openBecause = "a ( without its )";
        } else if (operatorPending) {
            openBecause = "a line that ends in |, && or ||";
        }
        for (EnumSet<Context> unread : contexts) {
            if (unread.isEmpty()) {
                unread.add(Context.OPAQUE); // after an unfinished quote or substitution: judged as strictly as can be
            }
        }
    }

    /** Lexes {@code text} (one command, possibly spanning lines). */
    public static ShellText of(String text) {
        return new ShellText(text);
    }

    /**
     * True when the shell would wait for more lines: a trailing backslash, an open quote, an unfinished here-document
     * or compound command, a trailing pipe or list operator.
     */
    public static boolean needsMoreLines(String text) {
        return openBecause(text) != null;
    }

    /**
     * the characters besides letters and digits that, alone on a line, can neither leave anything open nor close it:
     * no quote, escape, expansion, operator, redirection, bracket, brace or comment
     */
    private static final String PLAIN = "._/=:,+@%~*?^-";
    /** the words that open or close a compound command, or come before one that may */
    private static final Set<String> RESERVED = Set.of("if", "then", "else", "elif", "fi", "for", "select", "while",
            "until", "do", "done", "case", "esac", "function", "time", "coproc");

    /**
     * Whether the text is a line of plain words, none of them reserved: complete as it stands, which most commands
     * of a guide are, told without lexing it character by character.
     */
    private static boolean plainlyComplete(String text) {
        int wordStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == ' ' || c == '\t') {
                if (i > wordStart && RESERVED.contains(text.substring(wordStart, i))) {
                    return false;
                }
                wordStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || PLAIN.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Why the shell would wait for more lines after {@code text} ("a here-document without its EOF line"), or null. */
    public static String openBecause(String text) {
        return plainlyComplete(text) ? null : of(text).openBecause;
    }

    /**
     * The lines of the command that starts with {@code first} and goes on over {@code next} while the shell would
     * {@linkplain #needsMoreLines wait for more}: {@code first}, then as many of {@code next} as it takes, each
     * without its trailing blanks.
     * <p>
     * Adding a line at a time and lexing the whole join again takes time quadratic in the lines, minutes for a
     * hostile guide's command of 50,000 continued lines. Here the first k lines are lexed with k doubling, and each
     * lexing tells the first line at which the command was complete: linear in the lines the command takes (the
     * lexer looks ahead within a line only, so a shorter join is complete where the longer one says).
     */
    public static List<String> commandLines(String first, List<String> next) {
        if (next.isEmpty() || !needsMoreLines(first)) {
            return List.of(first);
        }
        List<String> lines = new ArrayList<>();
        lines.add(first);
        for (int k = 2; ; k = Math.min(2 * k, next.size() + 1)) {
            next.subList(lines.size() - 1, k - 1).forEach(line -> lines.add(line.stripTrailing()));
            int complete = of(String.join("\n", lines)).linesToFirstComplete();
            if (complete > 0 || k == next.size() + 1) {
                return List.copyOf(complete > 0 ? lines.subList(0, complete) : lines);
            }
        }
    }

    /** the lines up to the first one that ends a complete command; 0 when the text ends open */
    private int linesToFirstComplete() {
        int end = firstCompleteEnd >= 0 ? firstCompleteEnd : openBecause != null ? -1 : text.length() + 1;
        if (end < 0) {
            return 0;
        }
        int lines = 0;
        for (int k = 0; k < end - 1; k++) {
            lines += text.charAt(k) == '\n' ? 1 : 0;
        }
        return lines + 1;
    }

    /** Every context the character at {@code index} stands in, one per shell that reads it. */
    public Set<Context> contextsAt(int index) {
        return contexts.get(index);
    }

    private enum Level { TOP, SUBSTITUTION, BACKQUOTE }

    /** A word as the shell passes it on: its characters after quote removal, each with where it came from (-1: made). */
    private static final class Word {
        final StringBuilder chars = new StringBuilder();
        final List<Integer> from = new ArrayList<>();

        void add(char c, int index) {
            chars.append(c);
            from.add(index);
        }

        boolean isEmpty() {
            return chars.isEmpty();
        }

        String name() {
            String s = chars.toString();
            return s.substring(s.lastIndexOf('/') + 1);
        }
    }

    /** One simple command: its words and the span of text it covers. */
    private static final class Command {
        final List<Word> words = new ArrayList<>();
        int start;
        int end;
        /** set once its words are known: it reads shell code from its standard input */
        boolean shellOnStdin;
    }

    private record PendingHeredoc(String delimiter, boolean stripTabs, boolean literal, Command command) {
    }

    /**
     * Lexes commands from {@code i} to the end of the text or the end of a substitution; returns the index after
     * it, or -1 when the text ends inside something open.
     */
    private int commands(int i, Level level) {
        int n = text.length();
        Word word = new Word();
        Command command = new Command();
        command.start = i;
        List<Command> pipeline = new ArrayList<>();
        int parens = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (level == Level.SUBSTITUTION && c == ')' && parens == 0
                    || level == Level.BACKQUOTE && c == '`') {
                mark(i, Context.UNQUOTED);
                endPipeline(pipeline, endCommand(command, word, i));
                return i + 1;
            }
            if (c == '\n') {
                mark(i, Context.UNQUOTED);
                endPipeline(pipeline, endCommand(command, word, i));
                command = new Command();
                word = new Word();
                i++;
                while (!pending.isEmpty()) {
                    i = heredocBody(i, pending.removeFirst());
                    if (i < 0) {
                        return -1;
                    }
                }
                if (level == Level.TOP && firstCompleteEnd < 0 && !waitsForMore(parens)) {
                    firstCompleteEnd = i;
                }
                command.start = i;
                continue;
            }
            if (c == ' ' || c == '\t') {
                mark(i, Context.UNQUOTED);
                word = endWord(command, word);
                i++;
                continue;
            }
            if (c == '#' && word.isEmpty() && (i == 0 || " \t;&|(".indexOf(text.charAt(i - 1)) >= 0)) {
                while (i < n && text.charAt(i) != '\n') {
                    mark(i++, Context.COMMENT);
                }
                continue;
            }
            if (";&|()<>".indexOf(c) >= 0 && !isRedirection(i)) {
                word = endWord(command, word);
                if (text.startsWith("<<<", i)) {
                    markRange(i, i + 3, Context.UNQUOTED); // a here-string, not a here-document
                    i += 3;
                    continue;
                }
                if (c == '<') {
                    Matcher m = HEREDOC.matcher(text).region(i, n);
                    if (m.lookingAt()) {
                        pending.addLast(new PendingHeredoc(m.group(3), !m.group(1).isEmpty(), !m.group(2).isEmpty(),
                                command));
                        markRange(i, m.end(), Context.UNQUOTED);
                        i = m.end();
                        continue;
                    }
                }
                mark(i, Context.UNQUOTED);
                if (c == '(') {
                    parens++;
                } else if (c == ')') {
                    // at the top a case pattern's ")" closes nothing; in a substitution the count finds its end
                    parens = level == Level.TOP ? Math.max(0, parens - 1) : parens - 1;
                }
                if (c == ';' || c == '&' || c == '|' || c == '(' || c == ')') {
                    operatorPending = c == '|' || c == '&' && (text.startsWith("&&", i)
                            || i > 0 && (text.charAt(i - 1) == '&' || text.charAt(i - 1) == '|'));
                    boolean pipe = c == '|' && !text.startsWith("||", i) && (i == 0 || text.charAt(i - 1) != '|');
                    Command ended = endCommand(command, word, i);
                    if (pipe) {
                        pipeline.add(ended);
                    } else {
                        endPipeline(pipeline, ended);
                    }
                    command = new Command();
                    command.start = i + 1;
                }
                i++;
                continue;
            }
            i = wordPart(i, word);
            if (i < 0) {
                return -1;
            }
        }
        endPipeline(pipeline, endCommand(command, word, n));
        if (level == Level.TOP) {
            topParens = parens;
        }
        return level == Level.TOP ? n : -1;
    }

    /** whether what was read so far leaves a compound command, a subshell or a pipe or list open */
    private boolean waitsForMore(int parens) {
        return compounds > 0 || parens > 0 || operatorPending;
    }

    /**
     * Counts the compound commands a simple command opens or closes: its reserved words, where they stand as the
     * command's first word or after one that a command follows ({@code then}, {@code do}, {@code if}, ...), as
     * bash reads them.
     */
    private void countCompounds(List<Word> words) {
        for (Word word : words) {
            switch (word.chars.toString()) {
                case "if", "while", "until", "{" -> compounds++; // a command follows
                case "then", "do", "else", "elif", "!", "time" -> {
                    // a command follows
                }
                case "for", "select", "case" -> {
                    compounds++; // a name and words follow, no command
                    return;
                }
                case "fi", "done", "esac", "}" -> {
                    compounds = Math.max(0, compounds - 1);
                    return;
                }
                case "function" -> {
                    // function name {, where the brace is no command's first word
                    if (words.get(words.size() - 1).chars.toString().equals("{")) {
                        compounds++;
                    }
                    return;
                }
                default -> {
                    return;
                }
            }
        }
    }

    /** Lexes one piece of a word at {@code i} (a character, an escape, a quoted part, an expansion); returns the index after it. */
    private int wordPart(int i, Word word) {
        int n = text.length();
        char c = text.charAt(i);
        if (c == '\\') {
            mark(i, Context.UNQUOTED);
            if (i + 1 >= n) {
                return -1; // a backslash at the very end continues the command
            }
            mark(i + 1, Context.UNQUOTED);
            if (text.charAt(i + 1) != '\n') {
                word.add(text.charAt(i + 1), i + 1);
            }
            return i + 2;
        }
        if (c == '\'') {
            mark(i, Context.UNQUOTED);
            int close = text.indexOf('\'', i + 1);
            if (close < 0) {
                markRange(i + 1, n, Context.SINGLE);
                return -1;
            }
            for (int k = i + 1; k < close; k++) {
                mark(k, Context.SINGLE);
                word.add(text.charAt(k), k);
            }
            mark(close, Context.UNQUOTED);
            return close + 1;
        }
        if (c == '"') {
            return doubleQuoted(i, word);
        }
        if (c == '$' || c == '`') {
            int end = expansion(i, word, Context.UNQUOTED);
            if (end != i) {
                return end;
            }
        }
        mark(i, Context.UNQUOTED);
        word.add(c, i);
        return i + 1;
    }

    private int doubleQuoted(int i, Word word) {
        int n = text.length();
        mark(i, Context.UNQUOTED);
        i++;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
                mark(i, Context.UNQUOTED);
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                mark(i, Context.DOUBLE);
                mark(i + 1, Context.DOUBLE);
                char next = text.charAt(i + 1);
                if ("$`\"\\\n".indexOf(next) < 0) {
                    word.add(c, i);
                }
                if (next != '\n') {
                    word.add(next, i + 1);
                }
                i += 2;
                continue;
            }
            if (c == '$' || c == '`') {
                int end = expansion(i, word, Context.DOUBLE);
                if (end < 0) {
                    return -1;
                }
                if (end != i) {
                    i = end;
                    continue;
                }
            }
            mark(i, Context.DOUBLE);
            word.add(c, i);
            i++;
        }
        return -1;
    }

    /**
     * An expansion at {@code i}: a command substitution is lexed as the commands it holds; a parameter or
     * arithmetic expansion is {@link Context#OPAQUE}; {@code $'...'} is judged as strictly as bare text.
     * Returns the index after it, {@code i} when there is none, -1 when the text ends inside it.
     */
    private int expansion(int i, Word word, Context around) {
        int n = text.length();
        if (text.charAt(i) == '`') {
            mark(i, around);
            word.add(EXPANSION, -1);
            return commands(i + 1, Level.BACKQUOTE);
        }
        if (text.startsWith("$((", i) || text.startsWith("${", i)) {
            char open = text.charAt(i + 1);
            char close = open == '(' ? ')' : '}';
            int depth = 0;
            for (int k = i + 1; k < n; k++) {
                mark(k, Context.OPAQUE);
                char c = text.charAt(k);
                depth += c == open ? 1 : c == close ? -1 : 0;
                if (depth == 0) {
                    mark(i, around);
                    word.add(EXPANSION, -1);
                    return k + 1;
                }
            }
            return -1;
        }
        if (text.startsWith("$(", i)) {
            mark(i, around);
            mark(i + 1, around);
            word.add(EXPANSION, -1);
            return commands(i + 2, Level.SUBSTITUTION);
        }
        if (around == Context.UNQUOTED && text.startsWith("$'", i)) {
            // $'...' knows backslash escapes; judge values in it as strictly as unquoted text
            mark(i, Context.UNQUOTED);
            int k = i + 2;
            while (k < n && text.charAt(k) != '\'') {
                int step = text.charAt(k) == '\\' && k + 1 < n ? 2 : 1;
                for (int j = k; j < k + step; j++) {
                    mark(j, Context.UNQUOTED);
                    word.add(text.charAt(j), j);
                }
                k += step;
            }
            if (k >= n) {
                return -1;
            }
            mark(i + 1, Context.UNQUOTED);
            mark(k, Context.UNQUOTED);
            return k + 1;
        }
        return i;
    }

    /** The {@code &} of {@code 2>&1}, {@code <&3} or {@code &>file} joins a redirection, not two commands. */
    private boolean isRedirection(int i) {
        return text.charAt(i) == '&' && (i > 0 && "<>".indexOf(text.charAt(i - 1)) >= 0
                || i + 1 < text.length() && text.charAt(i + 1) == '>');
    }

    private Word endWord(Command command, Word word) {
        if (!word.isEmpty()) {
            operatorPending = false;
            command.words.add(word);
            return new Word();
        }
        return word;
    }

    /** Ends a simple command at {@code end}: the words it hands to another shell are lexed as that shell would. */
    private Command endCommand(Command command, Word word, int end) {
        endWord(command, word);
        command.end = end;
        List<Word> words = command.words;
        countCompounds(words);
        boolean reparsed = false;
        for (int w = 0; w < words.size(); w++) {
            String name = words.get(w).name();
            if (JOINING.contains(name) && w + 1 < words.size()) {
                lexAgain(joined(words.subList(w + 1, words.size())));
                command.shellOnStdin = name.equals("ssh"); // the remote command may be a shell reading it
                return command;
            }
            if (SHELLS.contains(name) || DASH_C.contains(name)) {
                for (int k = w + 1; k < words.size(); k++) {
                    String option = words.get(k).chars.toString();
                    if (C_OPTION.matcher(option).matches() && k + 1 < words.size()) {
                        lexAgain(words.get(k + 1));
                        reparsed = true;
                        break;
                    }
                    if (option.startsWith("--command=")) {
                        lexAgain(suffix(words.get(k), "--command=".length()));
                        reparsed = true;
                        break;
                    }
                }
                command.shellOnStdin = !reparsed;
                return command;
            }
        }
        command.shellOnStdin = !words.isEmpty() && words.get(0).name().equals("ssh");
        return command;
    }

    /** In a pipeline that ends in a shell reading its input, whatever the earlier commands print may be code. */
    private void endPipeline(List<Command> pipeline, Command last) {
        pipeline.add(last);
        boolean feedsShell = false;
        for (int k = pipeline.size() - 1; k >= 0; k--) {
            Command c = pipeline.get(k);
            if (feedsShell) {
                markRange(c.start, c.end, Context.OPAQUE);
            }
            feedsShell |= c.shellOnStdin && k > 0;
        }
        pipeline.clear();
    }

    /** Lexes a word another shell reads as a command line; its contexts join those of the characters it came from. */
    private void lexAgain(Word code) {
        ShellText inner = ShellText.of(code.chars.toString());
        for (int j = 0; j < code.from.size(); j++) {
            int from = code.from.get(j);
            if (from >= 0) {
                contexts.get(from).addAll(inner.contexts.get(j));
                if (inner.openBecause != null) {
                    contexts.get(from).add(Context.OPAQUE);
                }
            }
        }
    }

    private static Word joined(List<Word> words) {
        Word all = new Word();
        for (Word w : words) {
            if (!all.isEmpty()) {
                all.add(' ', -1);
            }
            for (int j = 0; j < w.chars.length(); j++) {
                all.add(w.chars.charAt(j), w.from.get(j));
            }
        }
        return all;
    }

    private static Word suffix(Word word, int from) {
        Word rest = new Word();
        for (int j = from; j < word.chars.length(); j++) {
            rest.add(word.chars.charAt(j), word.from.get(j));
        }
        return rest;
    }

    /** Marks a here-document body starting at {@code start}; returns the index after its delimiter line, or -1. */
    private int heredocBody(int start, PendingHeredoc doc) {
        int i = start;
        Context body = doc.literal() ? Context.HEREDOC_LITERAL : Context.HEREDOC_EXPANDING;
        Word script = new Word();
        while (i < text.length()) {
            int end = text.indexOf('\n', i);
            int lineEnd = end < 0 ? text.length() : end;
            String line = text.substring(i, lineEnd);
            String compared = doc.stripTabs() ? line.replaceFirst("^\t+", "") : line;
            boolean delimiter = compared.strip().equals(doc.delimiter());
            int through = end < 0 ? lineEnd : end + 1;
            for (int k = i; k < through; k++) {
                mark(k, delimiter ? Context.UNQUOTED : body);
                if (!delimiter) {
                    script.add(text.charAt(k), k);
                }
            }
            i = through;
            if (delimiter) {
                if (doc.command().shellOnStdin) {
                    lexAgain(script);
                }
                return i;
            }
        }
        unfinishedHeredoc = doc.delimiter();
        return -1;
    }

    private void mark(int index, Context context) {
        contexts.get(index).add(context);
    }

    private void markRange(int from, int to, Context context) {
        for (int k = from; k < to; k++) {
            mark(k, context);
        }
    }
}
