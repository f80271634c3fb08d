package dev.rehearse.files;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the values of a config file's secret settings where a report shows the file: the secrets a program
 * generates into its config ({@code registration_shared_secret}, {@code macaroon_secret_key}, a password it made
 * up) are bound by nobody, so no binding hides them, and on a real host they are real. A setting is secret by its
 * name (YAML, ini, TOML, .env and PHP-array lines alike); a value that is a guide's placeholder ({@code <...>})
 * already hides what it stands for and stays.
 */
public final class SecretSettings {
    public static final String HIDDEN = "<hidden: a secret setting>";
    // key, separator, value: `  form_secret: "x"`, `password = x`, `API_TOKEN=x`, `'db_password' => 'x',`
    private static final Pattern SETTING = Pattern.compile("(?im)^(\\s*(?:-\\s+)?[\"']?[\\w.-]*?"
            + "(?:secret|passw(?:or)?d|token|api[_-]?key|private[_-]?key|secret[_-]?key|_key)[\"']?\\s*(?::|=>?)\\s*)"
            + "(?![\"']?<[^>\\n]+>)(\\S.*?)(\\s*,?)$");

    private SecretSettings() {
    }

    /** {@code text} with the value of every secret setting replaced by {@link #HIDDEN}, quotes kept. */
    public static String hide(String text) {
        Matcher m = SETTING.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            char quote = value.charAt(0);
            String hidden = (quote == '"' || quote == '\'') && value.length() > 1 && value.endsWith(String.valueOf(quote))
                    ? quote + HIDDEN + quote : HIDDEN;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + hidden + m.group(3)));
        }
        return m.appendTail(out).toString();
    }
}
