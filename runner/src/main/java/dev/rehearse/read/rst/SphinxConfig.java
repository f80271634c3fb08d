package dev.rehearse.read.rst;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Sphinx itself substitutes where a guide does not define it: {@code |version|} and {@code |release|}, from
 * the {@code conf.py} of the guide's Sphinx project (its folder or the nearest one above it, within the runbook's
 * folder), where they are given as plain strings ({@code release = '4.2.1'}); a value conf.py computes is not
 * known here, and its reference stays an error, as docutils alone reports it.
 */
final class SphinxConfig {
    private static final Pattern SETTING = Pattern.compile(
            "(?m)^(version|release)\\s*=\\s*(['\"])([^'\"\\n]*)\\2\\s*(?:#.*)?$");
    /** the largest conf.py read: a Sphinx project's is a few kilobytes */
    private static final long LARGEST = 1 << 20;

    private SphinxConfig() {
    }

    /** {@code version} and {@code release} as the project of the guide in {@code folder} sets them; else none */
    static Map<String, String> substitutions(Path folder, Path root) {
        Map<String, String> values = new HashMap<>();
        for (Path at = folder; at != null && at.startsWith(root); at = at.getParent()) {
            Path conf = at.resolve("conf.py");
            if (Files.isRegularFile(conf)) {
                try {
                    if (Files.size(conf) <= LARGEST) {
                        Matcher m = SETTING.matcher(Files.readString(conf, StandardCharsets.UTF_8));
                        while (m.find()) {
                            values.putIfAbsent(m.group(1), m.group(3));
                        }
                    }
                } catch (IOException | java.io.UncheckedIOException unreadable) {
                    // a conf.py that cannot be read sets nothing: the references stay undefined, as reported
                }
                return values;
            }
        }
        return values;
    }
}
