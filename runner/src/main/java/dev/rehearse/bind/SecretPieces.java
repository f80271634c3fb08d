package dev.rehearse.bind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Hides every long enough piece of a long secret's forms ({@link SecretForms#piecedForms}) wherever it shows, as the
 * secret's literal: half of a password ({@code ${PW:0:10}}), a hash cut short, the base64 of {@code user:password}.
 * A piece is long enough when it carries as much of the secret as {@link #SHORTEST} of its characters: 8 characters
 * of the secret or of a text form, 11 of base64, 13 of base32, 16 of hex. Only a secret at least twice that long is
 * hidden by its pieces: a shorter one's pieces are common words.
 * <p>
 * Pieces are found twice: in the text as it is, and in its letters and digits alone against the forms' letters and
 * digits alone, so that what a command puts between the characters ({@code sed 's/./&-/g'}, the spaces or colons of
 * {@code od -tx1} or {@code openssl dgst -c}, a line break) does not keep a piece from being found.
 */
final class SecretPieces {
    /** the characters of the secret a piece must carry to be hidden (fewer are left: too many words share them) */
    static final int SHORTEST = 8;
    /** the shortest secret hidden by its pieces: a piece is at most half of it */
    static final int PIECED_FROM = 2 * SHORTEST;

    /** each known form's literal, by the index the two searches report */
    private final List<String> literals;
    private final GramIndex asTheyStand;
    private final GramIndex lettersAndDigits;

    private SecretPieces(List<String> literals, List<String> forms, List<String> squeezedForms, int[] shortestRuns) {
        this.literals = literals;
        asTheyStand = new GramIndex(forms, shortestRuns);
        lettersAndDigits = new GramIndex(squeezedForms, shortestRuns);
    }

    /** The pieces of the secrets of {@code bindings} long enough to be hidden by them; empty when none is. */
    static SecretPieces of(Collection<Binding> bindings) {
        List<String> forms = new ArrayList<>();
        List<String> squeezed = new ArrayList<>();
        List<Integer> shortest = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        for (Binding b : bindings) {
            if (!b.secret() || b.value().length() < PIECED_FROM) {
                continue;
            }
            for (SecretForms.Form form : SecretForms.piecedForms(b.value())) {
                forms.add(form.text());
                squeezed.add(lettersAndDigits(form.text()));
                shortest.add((SHORTEST * 8 + form.bitsPerChar() - 1) / form.bitsPerChar());
                literals.add(b.literal());
            }
        }
        return new SecretPieces(literals, forms, squeezed, shortest.stream().mapToInt(i -> i).toArray());
    }

    /** {@code text} with each piece found replaced by its secret's literal (pieces that overlap, by the first's). */
    String hide(String text) {
        return find(text).replacedIn(text);
    }

    /**
     * Where {@code text} can be cut, at {@code cut} or after, so that no piece is cut in two (each part could be too
     * short to be hidden, and shown one after the other they are the piece): the end of the last piece that runs
     * across {@code cut}. Only the end of {@code text} from a little before {@code cut} is searched: enough of any such
     * piece is there to be found.
     */
    int cutOutsidePieces(String text, int cut) {
        int from = Math.max(0, cut - LOOK_BEFORE_CUT);
        int safe = cut;
        for (Pieces.Piece piece : find(text.substring(from)).pieces) {
            if (from + piece.start() < cut && from + piece.end() > safe) {
                safe = from + piece.end();
            }
        }
        return safe;
    }

    /** more than the longest shortest piece (16 hex digits), with a separator after each of its characters */
    private static final int LOOK_BEFORE_CUT = 64;

    private Pieces find(String text) {
        Pieces found = new Pieces();
        if (literals.isEmpty() || text.length() < SHORTEST) {
            return found;
        }
        char[] chars = text.toCharArray();
        asTheyStand.find(chars, chars.length, (start, end, form) -> found.add(start, end, literals.get(form)));
        int[] placeOf = new int[chars.length];
        int kept = 0;
        for (int i = 0; i < chars.length; i++) {
            if (Character.isLetterOrDigit(chars[i])) {
                chars[kept] = chars[i];
                placeOf[kept++] = i;
            }
        }
        lettersAndDigits.find(chars, kept, (start, end, form) ->
                found.add(placeOf[start], placeOf[end - 1] + 1, literals.get(form)));
        return found;
    }

    private static String lettersAndDigits(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.chars().filter(Character::isLetterOrDigit).forEach(c -> kept.append((char) c));
        return kept.toString();
    }

    /** The places of the pieces found in a text, with their literals. */
    private static final class Pieces {
        private record Piece(int start, int end, String literal) {
        }

        private final List<Piece> pieces = new ArrayList<>();

        void add(int start, int end, String literal) {
            pieces.add(new Piece(start, end, literal));
        }

        String replacedIn(String text) {
            if (pieces.isEmpty()) {
                return text;
            }
            Piece[] inOrder = pieces.toArray(Piece[]::new);
            Arrays.sort(inOrder, (a, b) -> Integer.compare(a.start(), b.start()));
            StringBuilder out = new StringBuilder(text.length());
            int shownUntil = 0;
            for (Piece piece : inOrder) {
                if (piece.start() >= shownUntil) {
                    out.append(text, shownUntil, piece.start()).append(piece.literal());
                    shownUntil = piece.end();
                } else if (piece.end() > shownUntil) {
                    // overlaps the piece hidden before: hidden with it
                    shownUntil = piece.end();
                }
            }
            return out.append(text, shownUntil, text.length()).toString();
        }
    }
}
