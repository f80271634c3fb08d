package dev.rehearse.bind;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
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
            forms.addAll(hashesOf(bytes));
        }
        if (value.length() >= SPELLED_OUT) {
            forms.add(reversed(value));
            forms.addAll(spelledOut(value));
        }
        forms.remove(value);
        // a short form (the hex of a one-letter secret, "24") stands in ordinary output everywhere
        forms.removeIf(form -> form.length() < SHORTEST_FORM);
        return forms;
    }

    /** A form of a secret, and how many of the secret's bits each of its characters carries (8 for text, 4 for hex). */
    record Form(String text, int bitsPerChar) {
    }

    /**
     * The forms of {@code value} whose every long enough piece is hidden ({@link SecretPieces}), {@code value} among
     * them: spelled out as {@link #of} spells it and in ROT13; its base64 (either alphabet) and base32 as they stand
     * inside the encoding of a longer text, at each byte alignment; its hex and its hashes' hex; each also reversed
     * ({@code base64 | rev}). Pieces of these are what {@code cut}, {@code ${PW:0:10}} or a header leave of a form.
     */
    static List<Form> piecedForms(String value) {
        Set<Form> forms = new LinkedHashSet<>();
        forms.add(new Form(value, 8));
        spelledOut(value).forEach(text -> forms.add(new Form(text, 8)));
        forms.add(new Form(rot13(value), 8));
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        for (RadixEncoding encoding : RadixEncoding.ALL) {
            for (int before = 0; before < encoding.alignments(); before++) {
                forms.add(new Form(encoding.inside(bytes, before), encoding.bitsPerChar()));
            }
        }
        for (byte[] text : List.of(bytes, (value + "\n").getBytes(StandardCharsets.UTF_8))) {
            hashesOf(text).forEach(hash -> forms.add(new Form(hash, RadixEncoding.HEX.bitsPerChar())));
        }
        List<Form> andReversed = new ArrayList<>(forms);
        forms.forEach(form -> andReversed.add(new Form(reversed(form.text()), form.bitsPerChar())));
        return andReversed;
    }

    /** {@code value} in upper and lower case, URL-encoded and quoted as the shell quotes it */
    private static List<String> spelledOut(String value) {
        String urlEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
        return List.of(value.toUpperCase(Locale.ROOT), value.toLowerCase(Locale.ROOT), urlEncoded,
                urlEncoded.replace("+", "%20"), shellQuoted(value));
    }

    /** the hex of each digest of {@code bytes}, as the hex itself, in either case ({@code openssl dgst -hex | tr}) */
    private static List<String> hashesOf(byte[] bytes) {
        List<String> hashes = new ArrayList<>();
        for (String digest : DIGESTS) {
            String hash = HexFormat.of().formatHex(digest(digest, bytes));
            hashes.add(hash);
            hashes.add(hash.toUpperCase(Locale.ROOT));
        }
        return hashes;
    }

    /** as {@code tr A-Za-z N-ZA-Mn-za-m} turns it */
    private static String rot13(String value) {
        StringBuilder turned = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            char first = c >= 'a' && c <= 'z' ? 'a' : c >= 'A' && c <= 'Z' ? 'A' : 0;
            turned.append(first == 0 ? c : (char) (first + (c - first + 13) % 26));
        }
        return turned.toString();
    }

    private static String reversed(String text) {
        return new StringBuilder(text).reverse().toString();
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
