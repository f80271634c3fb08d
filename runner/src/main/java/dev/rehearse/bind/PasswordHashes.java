package dev.rehearse.bind;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Password hashes as programs print them: crypt's {@code $6$salt$hash} ({@code openssl passwd -6}), bcrypt's
 * {@code $2b$12$...} ({@code htpasswd -B}, Synapse's {@code hash_password}), Apache's {@code $apr1$}, yescrypt's
 * {@code $y$}, argon2's {@code $argon2id$v=19$...}, Django's {@code pbkdf2_sha256$600000$...}, LDAP's
 * {@code {SSHA}...}. Each is made from a password with a salt no value of the run predicts, so no binding finds it,
 * yet it is derived from a secret, and a guess made offline recovers a weak one: it is hidden wherever secrets are,
 * as {@value #SHOWN_AS}.
 */
final class PasswordHashes {
    static final String SHOWN_AS = "<password hash>";
    /** what a hash is written with after its scheme: salt, cost, parameters, digest (crypt's alphabet, base64) */
    private static final String BODY = "[./A-Za-z0-9$=,+-]";
    private static final Pattern HASH = Pattern.compile("(?<![\\w$])(?:"
            + "\\$(?:1|2[abxy]?|5|6|7|y|gy|apr1|md5|sha1|argon2(?:id|i|d)|scrypt|pbkdf2(?:-sha\\d+)?)\\$"
            + "|(?:pbkdf2_sha(?:1|256)|argon2|bcrypt_sha256|bcrypt|scrypt)\\$"
            + "|\\{(?:SSHA(?:256|384|512)?|SHA(?:256|384|512)?|SMD5|CRYPT|PBKDF2(?:-SHA\\d+)?|ARGON2)\\})"
            + BODY + "{20,}");
    /** no hash is longer: a longer run of its characters is held back no further while it arrives */
    private static final int LONGEST = 512;

    private PasswordHashes() {
    }

    /** {@code text} with each password hash hidden, except those {@code kept} (a guide's example a capture binds). */
    static String hide(String text, Predicate<String> kept) {
        if (text.indexOf('$') < 0 && text.indexOf('{') < 0) {
            return text; // most output: no hash can be in it
        }
        Matcher m = HASH.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder hidden = new StringBuilder(text.length());
        do {
            m.appendReplacement(hidden, Matcher.quoteReplacement(kept.test(m.group()) ? m.group() : SHOWN_AS));
        } while (m.find());
        return m.appendTail(hidden).toString();
    }

    /**
     * Where output arriving in pieces may be cut, at {@code cut} or before: not inside a run of a hash's characters
     * that may be one still arriving, whose parts would each be too short to be found.
     */
    static int cutBefore(String text, int cut) {
        int start = cut;
        while (start > 0 && cut - start < LONGEST && isBody(text.charAt(start - 1))) {
            start--;
        }
        if (start == cut) {
            return cut;
        }
        String run = text.substring(start, cut);
        return run.indexOf('$') >= 0 || run.charAt(0) == '{' || run.indexOf('}') >= 0 ? start : cut;
    }

    private static boolean isBody(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "./$=,+-{}".indexOf(c) >= 0);
    }
}
