package dev.rehearse.bind;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a value may stand where its example value stands in a command without changing the
 * command's syntax. Each occurrence is judged in its own quoting context, so that a password may hold a
 * {@code $} inside {@code '...'} but a port may only be digits and friends where it stands bare; and in every
 * context of every shell that reads it ({@link ShellText}): inside {@code bash -c '...'} a value must be safe
 * both inside the quotes and where the second shell reads it.
 */
public final class ShellSafety {

    /** What may stand bare in a shell word: no operator, quote, glob, expansion or blank. */
    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z0-9_@%+=:,./-]*");
    private static final Pattern UNQUOTED_WITH_BLANKS = Pattern.compile("[A-Za-z0-9_@%+=:,./ -]*");

    private ShellSafety() {
    }

    /**
     * Why {@code value} cannot replace {@code literal} in {@code command}, or empty when it can (or when the
     * literal does not occur in it). A newline is never safe, wherever the literal stands.
     */
    public static Optional<String> problem(String literal, String value, String command) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return Optional.of("a newline");
        }
        ShellText lexed = null;
        for (int at : Literals.find(command, literal)) {
            if (lexed == null) {
                lexed = ShellText.of(command);
            }
            for (int k = at; k < at + literal.length(); k++) {
                for (ShellText.Context context : lexed.contextsAt(k)) {
                    Optional<String> why = problemIn(context, literal, value);
                    if (why.isPresent()) {
                        return why;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> problemIn(ShellText.Context context, String literal, String value) {
        return switch (context) {
            case UNQUOTED -> (literal.indexOf(' ') >= 0 ? UNQUOTED_WITH_BLANKS : UNQUOTED).matcher(value).matches()
                    ? Optional.empty()
                    : Optional.of("a character other than letters, digits and _@%+=:,./- where it stands unquoted");
            case SINGLE -> value.indexOf('\'') >= 0 ? Optional.of("a ' inside '...'") : Optional.empty();
            case DOUBLE -> firstOf(value, "$`\\\"!").map(c -> "a " + c + " inside \"...\"");
            case HEREDOC_EXPANDING -> firstOf(value, "$`\\").map(c -> "a " + c + " in a here-document");
            case OPAQUE -> UNQUOTED.matcher(value).matches() ? Optional.empty()
                    : Optional.of("a character other than letters, digits and _@%+=:,./- where a shell reads it in a way"
                    + " Rehearse cannot follow (a pipe into a shell, an expansion)");
            case HEREDOC_LITERAL, COMMENT -> Optional.empty();
        };
    }

    private static Optional<Character> firstOf(String value, String specials) {
        for (int i = 0; i < value.length(); i++) {
            if (specials.indexOf(value.charAt(i)) >= 0) {
                return Optional.of(value.charAt(i));
            }
        }
        return Optional.empty();
    }
}
