package dev.rehearse.bind;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the POSIX shell's lexing to answer two questions about a command as a guide shows it: is it
 * complete, or do a trailing backslash, an open quote or a pending here-document carry it onto the next line;
 * and in which quoting context does each character stand (what decides which values are safe there).
 */
public final class ShellText {

    /** The quoting context of one character of a command. */
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
        COMMENT
    }

    // <<-? then the delimiter, bare or quoted: EOF, 'EOF', "EOF"
    private static final Pattern HEREDOC = Pattern.compile("<<(-?)\\s*(['\"]?)([A-Za-z_][A-Za-z0-9_]*)\\2");

    private final String text;
    private final Context[] contexts;
    private boolean open;

    private ShellText(String text) {
        this.text = text;
        this.contexts = new Context[text.length()];
        lex();
    }

    /** Lexes {@code text} (one command, possibly spanning lines). */
    public static ShellText of(String text) {
        return new ShellText(text);
    }

    /** True when the shell would wait for more lines: trailing backslash, open quote or unfinished here-document. */
    public static boolean needsMoreLines(String text) {
        return of(text).open;
    }

    /** The context of the character at {@code index}. */
    public Context contextAt(int index) {
        return contexts[index];
    }

    private enum State { PLAIN, SINGLE, DOUBLE, ANSI, COMMENT }

    private record PendingHeredoc(String delimiter, boolean stripTabs, boolean literal) {
    }

    private void lex() {
        State state = State.PLAIN;
        Deque<PendingHeredoc> pending = new ArrayDeque<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n' && (state == State.PLAIN || state == State.COMMENT)) {
                contexts[i] = Context.UNQUOTED;
                state = State.PLAIN;
                i++;
                while (!pending.isEmpty()) {
                    PendingHeredoc doc = pending.removeFirst();
                    i = heredocBody(i, doc);
                    if (i < 0) {
                        open = true;
                        return;
                    }
                }
                continue;
            }
            switch (state) {
                case PLAIN -> {
                    contexts[i] = Context.UNQUOTED;
                    if (c == '\\') {
                        if (i + 1 < n) {
                            contexts[i + 1] = Context.UNQUOTED;
                            i += 2;
                            continue;
                        }
                        open = true; // a backslash at the very end continues the command
                    } else if (c == '\'') {
                        state = State.SINGLE;
                    } else if (c == '"') {
                        state = State.DOUBLE;
                    } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '\'') {
                        contexts[i + 1] = Context.UNQUOTED;
                        state = State.ANSI;
                        i += 2;
                        continue;
                    } else if (c == '#' && (i == 0 || Character.isWhitespace(text.charAt(i - 1))
                            || ";&|(".indexOf(text.charAt(i - 1)) >= 0)) {
                        state = State.COMMENT;
                        contexts[i] = Context.COMMENT;
                    } else if (c == '<' && text.startsWith("<<<", i)) {
                        contexts[i + 1] = Context.UNQUOTED; // a here-string, not a here-document
                        contexts[i + 2] = Context.UNQUOTED;
                        i += 3;
                        continue;
                    } else if (c == '<') {
                        Matcher m = HEREDOC.matcher(text).region(i, n);
                        if (m.lookingAt()) {
                            pending.addLast(new PendingHeredoc(m.group(3), !m.group(1).isEmpty(), !m.group(2).isEmpty()));
                            for (int k = i; k < m.end(); k++) {
                                contexts[k] = Context.UNQUOTED;
                            }
                            i = m.end();
                            continue;
                        }
                    }
                }
                case SINGLE -> {
                    contexts[i] = c == '\'' ? Context.UNQUOTED : Context.SINGLE;
                    if (c == '\'') {
                        state = State.PLAIN;
                    }
                }
                case DOUBLE -> {
                    if (c == '"') {
                        contexts[i] = Context.UNQUOTED;
                        state = State.PLAIN;
                    } else {
                        contexts[i] = Context.DOUBLE;
                        if (c == '\\' && i + 1 < n) {
                            contexts[i + 1] = Context.DOUBLE;
                            i += 2;
                            continue;
                        }
                    }
                }
                case ANSI -> {
                    // $'...' knows backslash escapes; judge values in it as strictly as unquoted text
                    contexts[i] = Context.UNQUOTED;
                    if (c == '\\' && i + 1 < n) {
                        contexts[i + 1] = Context.UNQUOTED;
                        i += 2;
                        continue;
                    }
                    if (c == '\'') {
                        state = State.PLAIN;
                    }
                }
                case COMMENT -> contexts[i] = Context.COMMENT;
            }
            i++;
        }
        if (state == State.SINGLE || state == State.DOUBLE || state == State.ANSI || !pending.isEmpty()) {
            open = true;
        }
    }

    /** Marks a here-document body starting at {@code start}; returns the index after its delimiter line, or -1. */
    private int heredocBody(int start, PendingHeredoc doc) {
        int i = start;
        Context body = doc.literal() ? Context.HEREDOC_LITERAL : Context.HEREDOC_EXPANDING;
        while (i < text.length()) {
            int end = text.indexOf('\n', i);
            int lineEnd = end < 0 ? text.length() : end;
            String line = text.substring(i, lineEnd);
            String compared = doc.stripTabs() ? line.replaceFirst("^\t+", "") : line;
            boolean delimiter = compared.strip().equals(doc.delimiter());
            for (int k = i; k < lineEnd; k++) {
                contexts[k] = delimiter ? Context.UNQUOTED : body;
            }
            if (end >= 0) {
                contexts[end] = delimiter ? Context.UNQUOTED : body;
            }
            i = end < 0 ? text.length() : end + 1;
            if (delimiter) {
                return i;
            }
        }
        return -1;
    }
}
