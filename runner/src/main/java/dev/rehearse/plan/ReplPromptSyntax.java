package dev.rehearse.plan;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the prompts of the interactive programs guides run inside a session: psql ({@code synapse=> },
 * {@code name=# }), Python ({@code >>> }), SQLite ({@code sqlite> }), MySQL and MariaDB
 * ({@code mysql> }, {@code MariaDB [(none)]> }), with their continuation prompts once a REPL is open.
 */
public final class ReplPromptSyntax {

    /** The program behind a REPL prompt; decides which continuation prompts count. */
    public enum Program {
        PSQL(Pattern.compile("^(?<prompt>[A-Za-z_][\\w.-]*[=-][>#])(?:\\s(?<input>.*))?$"), null),
        PYTHON(Pattern.compile("^(?<prompt>>>>)(?:\\s(?<input>.*))?$"), Pattern.compile("^(?<prompt>\\.\\.\\.)(?:\\s(?<input>.*))?$")),
        SQLITE(Pattern.compile("^(?<prompt>sqlite>)(?:\\s(?<input>.*))?$"), Pattern.compile("^\\s*(?<prompt>\\.\\.\\.>)(?:\\s(?<input>.*))?$")),
        MYSQL(Pattern.compile("^(?<prompt>(?:mysql|MariaDB \\[[^\\]]*\\])>)(?:\\s(?<input>.*))?$"),
                Pattern.compile("^\\s*(?<prompt>->)(?:\\s(?<input>.*))?$"));

        private final Pattern opening;
        private final Pattern continuation;

        Program(Pattern opening, Pattern continuation) {
            this.opening = opening;
            this.continuation = continuation;
        }
    }

    /** One line typed into a REPL: the prompt as shown and what follows it (empty when nothing). */
    public record Line(Program program, String prompt, String input) {

        /** True when the input leaves the program by itself, so no end-of-input is needed. */
        public boolean quits() {
            return QUIT.contains(input.strip());
        }
    }

    private static final Set<String> QUIT = Set.of("\\q", "\\quit", "exit", "exit()", "quit", "quit()", ".exit",
            ".quit", "exit;", "quit;", "\\q;");

    private ReplPromptSyntax() {
    }

    /**
     * The REPL line {@code line} is, given the program whose REPL is open ({@code null} when none is).
     * A continuation prompt ({@code ... }, {@code -> }) counts only inside its own program's REPL.
     */
    public static Optional<Line> match(String line, Program open) {
        if (open != null && open.continuation != null) {
            Matcher m = open.continuation.matcher(line);
            if (m.matches()) {
                // the indentation after a continuation prompt is typed: Python's block body needs it
                return Optional.of(new Line(open, m.group("prompt"), input(m).stripTrailing()));
            }
        }
        if (line.indexOf('>') < 0 && line.indexOf('#') < 0) {
            return Optional.empty(); // every opening prompt ends with one of these, and most lines are output
        }
        for (Program program : Program.values()) {
            Matcher m = program.opening.matcher(line);
            if (m.matches()) {
                return Optional.of(lineOf(program, m));
            }
        }
        return Optional.empty();
    }

    private static Line lineOf(Program program, Matcher m) {
        return new Line(program, m.group("prompt"), input(m).strip());
    }

    private static String input(Matcher m) {
        return m.group("input") == null ? "" : m.group("input");
    }
}
