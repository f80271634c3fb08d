package dev.rehearse.guide;

/**
 * A defect found in a guide without running it. Printed as {@code file:line: level: message}.
 *
 * @param rule a short stable name (e.g. {@code title-underline}), used to count findings per rule
 */
public record Finding(String source, int line, Level level, String rule, String message) {
    /** the rule of an include (or literalinclude) whose file is not there: the guide cannot be read whole */
    public static final String MISSING_INCLUDE = "missing-include";

    /** A message quoting the guide (a command of several lines) stays on its one line: a break shows as {@code \n}. */
    public Finding {
        message = message.replaceAll("\\R", "\\\\n");
    }

    public enum Level {
        ERROR, WARNING, INFO;

        public String label() {
            return name().toLowerCase();
        }
    }

    @Override
    public String toString() {
        return source + ":" + line + ": " + level.label() + ": " + message + " [" + rule + "]";
    }
}
