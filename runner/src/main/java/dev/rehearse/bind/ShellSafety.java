package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a value may stand where its example value stands in a command without changing the
 * command's syntax, at any depth. Each occurrence is judged in its own quoting context and in every context of
 * every shell that reads it ({@link ShellText}): bare, a value is letters, digits and {@code _@%+=:,./-}; quoted or
 * in a here-document, blanks too, as the program the text goes to may read it as code of its own, a language
 * Rehearse does not follow. The rest of the command must be read as before once the value stands there.
 */
public final class ShellSafety {

    /** What may stand bare in a shell word: no operator, quote, glob, expansion or blank. */
    private static final Pattern UNQUOTED = Pattern.compile("[A-Za-z0-9_@%+=:,./-]*");
    private static final Pattern UNQUOTED_WITH_BLANKS = Pattern.compile("[A-Za-z0-9_@%+=:,./ -]*");

    private static final Map<ShellText.Context, String> NAMES = Map.of(ShellText.Context.SINGLE, "'...'",
            ShellText.Context.DOUBLE, "\"...\"", ShellText.Context.HEREDOC_EXPANDING, "a here-document",
            ShellText.Context.HEREDOC_LITERAL, "a here-document");

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
        List<Integer> places = command.find(literal);
        boolean inHereDocument = false;
        for (int at : places) {
            ShellText lexed = command.lexed();
            for (int k = at; k < at + literal.length(); k++) {
                boolean blanks = wordsAllowed || literal.indexOf(' ') >= 0;
                for (ShellText.Context context : lexed.contextsAt(k)) {
                    Optional<String> why = problemIn(context, blanks, value);
                    if (why.isPresent()) {
                        return why;
                    }
                    inHereDocument |= context == ShellText.Context.HEREDOC_EXPANDING
                            || context == ShellText.Context.HEREDOC_LITERAL;
                }
            }
        }
        // elsewhere the characters that pass open, close or end nothing: the command is lexed again only where a
        // here-document's line may now be its delimiter (lexed for every binding, a command holding thousands of
        // them took seconds, as Command says)
        return !inHereDocument || structureKept(literal, value, command, places) ? Optional.empty()
                : Optional.of("a word that changes how the shell reads the rest of the command (it ends a"
                + " here-document, or opens or closes a quote)");
    }

    /**
     * Whether every character of the command around the literal's places is read in the same contexts once the
     * value stands there: a value of letters alone may still end a here-document ({@code EOF} on a line of its
     * own in its body), after which the body's next lines are commands.
     */
    private static boolean structureKept(String literal, String value, Command command, List<Integer> places) {
        StringBuilder replaced = new StringBuilder();
        int from = 0;
        for (int at : places) {
            replaced.append(command.text, from, at).append(value);
            from = at + literal.length();
        }
        ShellText after = ShellText.of(replaced.append(command.text, from, command.text.length()).toString());
        ShellText before = command.lexed();
        int shift = 0;
        int next = 0;
        for (int i = 0; i < command.text.length(); i++) {
            if (next < places.size() && i == places.get(next)) {
                i += literal.length() - 1;
                shift += value.length() - literal.length();
                next++;
                continue;
            }
            if (!before.contextsAt(i).equals(after.contextsAt(i + shift))) {
                return false;
            }
        }
        return true;
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
            // what is quoted, or fed in, goes to a program that may read it as code of its own (a trap's or
            // PROMPT_COMMAND's shell, declare's array subscripts, python -c, awk's system(), SQL): only what is
            // plain in every such language passes
            case SINGLE, DOUBLE, HEREDOC_EXPANDING, HEREDOC_LITERAL -> UNQUOTED_WITH_BLANKS.matcher(value).matches()
                    ? Optional.empty()
                    : Optional.of("a character other than letters, digits, blanks and _@%+=:,./- inside "
                    + NAMES.get(context) + ", which the program it goes to may read as code (a shell, python, SQL)");
            case OPAQUE -> UNQUOTED.matcher(value).matches() ? Optional.empty()
                    : Optional.of("a character other than letters, digits and _@%+=:,./- where a shell reads it in a way"
                    + " Rehearse cannot follow (a pipe into a shell, an expansion)");
            case COMMENT -> Optional.empty();
        };
    }
}
