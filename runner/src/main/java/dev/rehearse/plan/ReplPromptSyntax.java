package dev.rehearse.plan;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the prompts of the interactive programs guides run inside a session: psql ({@code synapse=> },
 * {@code name=# }, {@code name=*# }), Python ({@code >>> }), SQLite ({@code sqlite> }), MySQL and MariaDB
 * ({@code mysql> }, {@code MariaDB [(none)]> }), Redis ({@code 127.0.0.1:6379> }) and Node.js ({@code > } after
 * {@code node}), with their continuation prompts once a REPL is open.
 */
public final class ReplPromptSyntax {

    /** The program behind a REPL prompt; decides which continuation prompts count. */
    public enum Program {
        /**
         * {@code %/%R%x%#}: the database, where the statement stands ({@code =} new, {@code -} goes on, in {@code '},
         * {@code "}, {@code (}, {@code $} quoting or a {@code *} comment, {@code ^} single-line, {@code !} lost),
         * whether a transaction is open ({@code *}, {@code !} failed, {@code ?}), {@code #} or {@code >}
         */
        PSQL(Pattern.compile("^(?<prompt>[A-Za-z_][\\w.-]*[=^!'\"($*-][*!?]?[>#])(?:\\s(?<input>.*))?$"), null),
        PYTHON(Pattern.compile("^(?<prompt>>>>)(?:\\s(?<input>.*))?$"), Pattern.compile("^(?<prompt>\\.\\.\\.)(?:\\s(?<input>.*))?$")),
        SQLITE(Pattern.compile("^(?<prompt>sqlite>)(?:\\s(?<input>.*))?$"), Pattern.compile("^\\s*(?<prompt>\\.\\.\\.>)(?:\\s(?<input>.*))?$")),
        MYSQL(Pattern.compile("^(?<prompt>(?:mysql|MariaDB \\[[^\\]]*\\])>)(?:\\s(?<input>.*))?$"),
                Pattern.compile("^\\s*(?<prompt>->)(?:\\s(?<input>.*))?$")),
        /** {@code redis-cli}: {@code 127.0.0.1:6379> }, {@code localhost:6379[1]> } */
        REDIS(Pattern.compile("^(?<prompt>[\\w.-]+:\\d+(?:\\[\\d+])?>)(?:\\s(?<input>.*))?$"), null),
        /** Node.js: a bare {@code > }, so only in a REPL that {@code node} opened ({@link #startedBy}) */
        NODE(Pattern.compile("^(?<prompt>>)(?:\\s(?<input>.*))?$"),
                Pattern.compile("^(?<prompt>\\.\\.\\.)(?:\\s(?<input>.*))?$"));

        private final Pattern opening;
        private final Pattern continuation;

        /**
         * Whether a line among the REPL's is its author's remark: a comment in the REPL's language ({@code # ...} in
         * Python, {@code -- ...} in SQL) with no prompt before it, which the REPL itself never prints
         */
        public boolean isRemark(String line) {
            Pattern remark = switch (this) {
                case PYTHON -> PYTHON_REMARK;
                case PSQL, SQLITE, MYSQL -> SQL_REMARK;
                default -> null;
            };
            return remark != null && remark.matcher(line).matches();
        }

        Program(Pattern opening, Pattern continuation) {
            this.opening = opening;
            this.continuation = continuation;
        }
    }

    /**
     * One line typed into a REPL: the prompt as shown and what follows it (empty when nothing).
     *
     * @param continued at the prompt of a statement that goes on ({@code ... }, {@code -> }), where nothing typed is
     *                  an Enter that ends it, never the end of the input
     */
    public record Line(Program program, String prompt, String input, boolean continued) {

        /** True when the input leaves the program by itself, so no end-of-input is needed. */
        public boolean quits() {
            return ReplPromptSyntax.quits(input);
        }
    }

    private static final Pattern PYTHON_REMARK = Pattern.compile("#\\s+\\p{L}.*");
    private static final Pattern SQL_REMARK = Pattern.compile("--\\s+\\p{L}.*");

    private static final Set<String> QUIT = Set.of("\\q", "\\quit", "exit", "exit()", "quit", "quit()", ".exit",
            ".quit", "exit;", "quit;", "\\q;");

    private ReplPromptSyntax() {
    }

    /** Whether what is typed at a REPL's prompt leaves it ({@code exit()}, {@code \q}, {@code .quit}). */
    public static boolean quits(String input) {
        return input != null && QUIT.contains(input.strip());
    }

    /** {@code node} alone (or with options only), which opens Node.js's REPL; else none */
    private static final Pattern NODE_REPL = Pattern.compile("(?:sudo\\s+)?(?:node|nodejs)(?:\\s+-[-\\w]+)*\\s*");

    /** The program whose REPL {@code command} opens, where its prompt alone would not tell; null for others. */
    public static Program startedBy(String command) {
        return NODE_REPL.matcher(command).matches() ? Program.NODE : null;
    }

    /**
     * The REPL line {@code line} is, given the program whose REPL is open ({@code null} when none is).
     * A continuation prompt ({@code ... }, {@code -> }) counts only inside its own program's REPL.
     */
    public static Optional<Line> match(String line, Program open) {
        return match(line, open, null);
    }

    /**
     * As {@link #match(String, Program)}, in the output of a command that opens {@code startedBy}'s REPL (null:
     * none that {@link #startedBy} knows), whose own prompt counts there.
     */
    public static Optional<Line> match(String line, Program open, Program startedBy) {
        if (open != null && open.continuation != null) {
            Matcher m = open.continuation.matcher(line);
            if (m.matches()) {
                // the indentation after a continuation prompt is typed: Python's block body needs it
                return Optional.of(new Line(open, m.group("prompt"), input(m).stripTrailing(), true));
            }
        }
        if (line.indexOf('>') < 0 && line.indexOf('#') < 0) {
            return Optional.empty(); // every opening prompt ends with one of these, and most lines are output
        }
        for (Program program : Program.values()) {
            if (program == Program.NODE && startedBy != Program.NODE && open != Program.NODE) {
                continue;
            }
            Matcher m = program.opening.matcher(line);
            if (m.matches()) {
                return Optional.of(lineOf(program, m));
            }
        }
        return Optional.empty();
    }

    /**
     * The line typed at {@code open}'s prompt where that prompt follows output with no newline between them
     * ({@code 0 1 2 >>> print("spam")} after Python's {@code print(i, end=' ')}), as a terminal shows it. Only in
     * an open REPL, only at its opening prompt, and only after a blank or a mark (not inside a word, not after
     * more of the prompt's own character: {@code >>>>>>> branch} is output). Node.js's bare {@code >} stands in too
     * much output to be told from it.
     */
    public static Optional<Line> gluedAfterOutput(String line, Program open) {
        if (open == null || open == Program.NODE) {
            return Optional.empty();
        }
        for (int at = 1; at < line.length(); at++) {
            char before = line.charAt(at - 1);
            if (Character.isLetterOrDigit(before) || before == '_' || before == line.charAt(at)) {
                continue;
            }
            Matcher m = open.opening.matcher(line.substring(at));
            if (m.matches() && !line.substring(0, at).isBlank()) {
                return Optional.of(lineOf(open, m));
            }
        }
        return Optional.empty();
    }

    private static Line lineOf(Program program, Matcher m) {
        return new Line(program, m.group("prompt"), input(m).strip(), false);
    }

    private static String input(Matcher m) {
        return m.group("input") == null ? "" : m.group("input");
    }
}
