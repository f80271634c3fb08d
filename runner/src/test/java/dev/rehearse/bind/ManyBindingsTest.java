package dev.rehearse.bind;

import dev.rehearse.bind.Binding.Origin;
import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bindings, few or many: each place of a text is tried only against what can start there, and a command checked only
 * against the bindings whose words it holds, with the same result as trying every one everywhere, longest first (the
 * reference below).
 */
class ManyBindingsTest {
    private static final String[] PIECES = {"isabell", "PORT", "4013", "40132", "my.domain.name", "<pw>", "[yes|no]",
            "a", "b", "1", ".", " ", "$", "{", "/", "-", "_", "x y", "é"};

    @Test
    void replacesAsTheLongestFirstSearchForEveryBindingDoes() {
        Random random = new Random(11);
        for (int round = 0; round < 1_000; round++) {
            Bindings bindings = new Bindings();
            List<Binding> all = new ArrayList<>();
            for (int n = 1 + random.nextInt(56); n > 0; n--) {
                String literal = text(random, 1 + random.nextInt(3));
                String value = text(random, random.nextInt(3));
                // a secret short enough to be hidden whole only, as the reference does (not by its pieces)
                Binding b = new Binding(literal, value, Origin.SIDECAR,
                        random.nextInt(5) == 0 && value.length() < SecretPieces.PIECED_FROM);
                if (!b.literal().isBlank() && all.stream().noneMatch(o -> o.literal().equals(b.literal()))) {
                    bindings.bind(b);
                    all.add(b);
                }
            }
            for (int t = 0; t < 20; t++) {
                String text = text(random, random.nextInt(12));
                assertEquals(forward(text, all, true), bindings.apply(text), "apply " + text + " " + all);
                assertEquals(forward(text, all, false), bindings.preview(text), "preview " + text + " " + all);
                assertEquals(backward(text, all), bindings.reverse(text), "reverse " + text + " " + all);
            }
        }
    }

    @Test
    void checksACommandAsCheckingItAgainstEveryBindingDoes() {
        Random random = new Random(5);
        String[] values = {"ok", "a b", "x;y", "$(id)", "it's", "a\"b", "/srv/x", "v1"};
        for (int round = 0; round < 1_000; round++) {
            Bindings bindings = new Bindings();
            List<Binding> all = new ArrayList<>();
            for (int n = 1 + random.nextInt(56); n > 0; n--) {
                Binding b = new Binding(text(random, 1 + random.nextInt(2)), values[random.nextInt(values.length)],
                        Origin.SIDECAR, false);
                if (!b.literal().isBlank() && all.stream().noneMatch(o -> o.literal().equals(b.literal()))) {
                    bindings.bind(b);
                    all.add(b);
                }
            }
            for (int t = 0; t < 10; t++) {
                String command = "echo " + text(random, random.nextInt(30));
                String expected = all.stream()
                        .filter(b -> ShellSafety.problem(b.literal(), b.value(), command).isPresent())
                        .map(b -> "binding \"" + b.literal() + "\"").findFirst().orElse("none");
                String found;
                try {
                    bindings.validate(command, "guide.md:1");
                    found = "none";
                } catch (BadInput unsafe) {
                    found = unsafe.getMessage().replaceFirst("^.*?(binding \".*?\"): .*$", "$1");
                }
                assertEquals(expected, found, command + " " + all);
            }
        }
    }

    @Test
    void aBindingThatCannotStandInACommandIsNotCheckedAgainstItButANewlineStillIs() {
        Bindings bindings = new Bindings();
        for (int i = 0; i < 40; i++) {
            bindings.bind(new Binding("VAL" + i, "v;" + i, Origin.SIDECAR, false));
        }
        bindings.validate("echo VAL1x VAL", "guide.md:3"); // no VALn stands there as a token: nothing to inject
        BadInput unsafe = assertThrows(BadInput.class, () -> bindings.validate("echo VAL7", "guide.md:4"));
        assertTrue(unsafe.getMessage().contains("binding \"VAL7\""), unsafe.getMessage());
        bindings.bind(new Binding("OTHER", "two\nlines", Origin.SIDECAR, false));
        BadInput newline = assertThrows(BadInput.class, () -> bindings.validate("echo nothing", "guide.md:5"));
        assertTrue(newline.getMessage().contains("binding \"OTHER\""), newline.getMessage());
    }

    private static String text(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < pieces; p++) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    /** literal to value, secrets too or not (apply, preview) */
    private static String forward(String text, List<Binding> all, boolean secretsToo) {
        return scan(text, all.stream().filter(b -> secretsToo || !b.secret())
                .filter(b -> !b.literal().equals(b.value()))
                .map(b -> new String[]{b.literal(), b.value()}).toList(), true);
    }

    /** secret values hidden wherever they are, then the other values mapped back where they stand as tokens */
    private static String backward(String text, List<Binding> all) {
        String hidden = scan(text, all.stream().filter(Binding::secret).filter(b -> !b.value().isEmpty())
                .map(b -> new String[]{b.value(), b.literal()}).toList(), false);
        return scan(hidden, all.stream().filter(b -> !b.secret() && !b.value().isEmpty())
                .filter(b -> !b.literal().equals(b.value()))
                .map(b -> new String[]{b.value(), b.literal()}).toList(), true);
    }

    /** every pair searched for at every place, the longest first (in binding order among equals) */
    private static String scan(String text, List<String[]> unsorted, boolean tokens) {
        List<String[]> pairs = unsorted.stream()
                .sorted(Comparator.comparingInt((String[] pair) -> pair[0].length()).reversed()).toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        outer:
        while (i < text.length()) {
            for (String[] pair : pairs) {
                if (!pair[0].isEmpty() && (tokens ? Literals.boundedAt(text, i, pair[0]) : text.startsWith(pair[0], i))) {
                    out.append(pair[1]);
                    i += pair[0].length();
                    continue outer;
                }
            }
            out.append(text.charAt(i++));
        }
        return out.toString();
    }
}
