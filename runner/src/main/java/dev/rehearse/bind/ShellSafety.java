package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        return problem(literal, value, command, false);
    }

    /**
     * As {@link #problem(String, String, String)}; with {@code wordsAllowed}, blanks may stand where the value stands
     * unquoted too: they split it into more words (arguments) but add no shell syntax. For a value the person running
     * it gives on the command line ({@code --bind 'hash_password=hash_password -c homeserver.yaml'}), never for one
     * captured from a program's output.
     */
    public static Optional<String> problem(String literal, String value, String command, boolean wordsAllowed) {
        return problem(literal, value, new Command(command), wordsAllowed);
    }

    /** As {@link #problem(String, String, String, boolean)}, for one command checked against many bindings. */
    static Optional<String> problem(String literal, String value, Command command, boolean wordsAllowed) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            return Optional.of("a newline");
        }
        for (int at : command.find(literal)) {
            ShellText lexed = command.lexed();
            for (int k = at; k < at + literal.length(); k++) {
                boolean blanks = wordsAllowed || literal.indexOf(' ') >= 0;
                for (ShellText.Context context : lexed.contextsAt(k)) {
                    Optional<String> why = problemIn(context, blanks, value);
                    if (why.isPresent()) {
                        return why;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A command, lexed once at the first literal found in it, however many bindings it is checked against (lexed
     * for each, a command that holds thousands of them took seconds); one that holds none is never lexed. Checked
     * against many, it is also indexed once, by the places where each word and each other character stands, so that
     * finding a literal looks only where its first word (or character) does, not through the whole command.
     */
    static final class Command {
        private final String text;
        private final boolean indexed;
        private ShellText lexed;
        /** where each word of the text starts, and each character that is not a word's; made on first use */
        private Map<String, List<Integer>> places;

        Command(String text) {
            this(text, false);
        }

        /** @param indexed whether to index the text (worth it for many literals) or search it for each */
        Command(String text, boolean indexed) {
            this.text = text;
            this.indexed = indexed;
        }

        /** as {@link Literals#find}: where the literal stands as a token, occurrences not overlapping */
        List<Integer> find(String literal) {
            if (!indexed || literal.isEmpty()) {
                return Literals.find(text, literal);
            }
            List<Integer> found = new ArrayList<>();
            int free = 0;
            for (int at : places().getOrDefault(Literals.pieceAt(literal, 0), List.of())) {
                if (at >= free && Literals.boundedAt(text, at, literal)) {
                    found.add(at);
                    free = at + literal.length();
                }
            }
            return found;
        }

        private Map<String, List<Integer>> places() {
            if (places == null) {
                places = new HashMap<>();
                for (int i = 0; i < text.length(); ) {
                    String piece = Literals.pieceAt(text, i);
                    places.computeIfAbsent(piece, p -> new ArrayList<>()).add(i);
                    i += piece.length();
                }
            }
            return places;
        }

        ShellText lexed() {
            if (lexed == null) {
                lexed = ShellText.of(text);
            }
            return lexed;
        }
    }

    /** @param blanks blanks may stand unquoted: the literal itself has them, or the value may add words */
    private static Optional<String> problemIn(ShellText.Context context, boolean blanks, String value) {
        return switch (context) {
            case UNQUOTED -> (blanks ? UNQUOTED_WITH_BLANKS : UNQUOTED).matcher(value).matches()
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
