package dev.rehearse.bind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The forms a secret takes in what a host prints, besides itself: encoded ({@code base64}, {@code xxd -p}, URL and
 * shell quoting), hashed ({@code sha256sum}, {@code md5sum}), of the value alone and with the newline {@code echo}
 * adds, and, for a secret long enough not to be a common word, reversed or in another case. Each is hidden as the
 * secret is. A program can always derive more (a secret is only as safe as the commands a guide runs with it); these
 * are the ones a guide's commands make.
 */
final class SecretForms {
    /** shorter values are reversed and re-cased into ordinary words too often to hide those forms */
    private static final int SPELLED_OUT = 6;
    private static final int SHORTEST_FORM = 8;
    private static final List<String> DIGESTS = List.of("MD5", "SHA-1", "SHA-256", "SHA-512");
    /** what bash's {@code printf %q} leaves alone; every other character gets a backslash */
    private static final Pattern SHELL_PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]");

    private SecretForms() {
    }

    /** The other forms of {@code value} to hide (not {@code value} itself). */
    static Set<String> of(String value) {
        Set<String> forms = new LinkedHashSet<>();
        for (String text : List.of(value, value + "\n")) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            String base64 = Base64.getEncoder().encodeToString(bytes);
            forms.add(base64);
            forms.add(base64.replace("=", ""));
            forms.add(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            String hex = HexFormat.of().formatHex(bytes);
            forms.add(hex);
            forms.add(hex.toUpperCase(Locale.ROOT));
            for (String digest : DIGESTS) {
                String hash = HexFormat.of().formatHex(digest(digest, bytes));
                forms.add(hash);
                forms.add(hash.toUpperCase(Locale.ROOT)); // as the hex itself, either case (openssl dgst -hex | tr)
            }
        }
        if (value.length() >= SPELLED_OUT) {
            forms.add(new StringBuilder(value).reverse().toString());
            forms.add(value.toUpperCase(Locale.ROOT));
            forms.add(value.toLowerCase(Locale.ROOT));
            forms.add(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8));
            forms.add(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            forms.add(shellQuoted(value));
        }
        forms.remove(value);
        // a short form (the hex of a one-letter secret, "24") stands in ordinary output everywhere
        forms.removeIf(form -> form.length() < SHORTEST_FORM);
        return forms;
    }

    /**
     * {@code value} broken over lines anywhere ({@code sed}, a terminal's wrap): its characters with a line end
     * allowed between any two; none for a value short enough to be a common word.
     */
    static Optional<Pattern> acrossLines(String value) {
        if (value.length() < SPELLED_OUT) {
            return Optional.empty();
        }
        StringBuilder regex = new StringBuilder();
        value.codePoints().forEach(c -> regex.append(regex.isEmpty() ? "" : "\\r?\\n?")
                .append(Pattern.quote(Character.toString(c))));
        return Optional.of(Pattern.compile(regex.toString()));
    }

    /** as bash's {@code printf %q} shows a value of printable characters */
    private static String shellQuoted(String value) {
        StringBuilder quoted = new StringBuilder();
        value.codePoints().forEach(c -> {
            String ch = Character.toString(c);
            if (!SHELL_PLAIN.matcher(ch).matches()) {
                quoted.append('\\');
            }
            quoted.append(ch);
        });
        return quoted.toString();
    }

    private static byte[] digest(String algorithm, byte[] bytes) {
        try {
            return MessageDigest.getInstance(algorithm).digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has " + algorithm, e);
        }
    }
}
