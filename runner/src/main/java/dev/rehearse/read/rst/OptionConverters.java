package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docutils' option value converters ({@code directives.flag}, {@code unchanged}, {@code class_option} ...). */
final class OptionConverters {

    private OptionConverters() {
    }

    static final Directive.Option FLAG = v -> {
        if (v != null && !Py.isBlank(v)) {
            throw new IllegalArgumentException("no argument is allowed; \"" + v + "\" supplied");
        }
        return null;
    };

    static final Directive.Option UNCHANGED = v -> v == null ? "" : v;

    static final Directive.Option UNCHANGED_REQUIRED = v -> {
        if (v == null) {
            throw new IllegalArgumentException("argument required but none supplied");
        }
        return v;
    };

    static final Directive.Option INT = v -> {
        if (v == null) {
            throw new IllegalArgumentException("int() argument must be a string, not 'NoneType'");
        }
        return Py.parseInt(v);
    };

    static final Directive.Option NONNEGATIVE_INT = v -> {
        int value = (Integer) INT.convert(v);
        if (value < 0) {
            throw new IllegalArgumentException("negative value; must be positive or zero");
        }
        return value;
    };

    static final Directive.Option POSITIVE_INT = v -> {
        int value = (Integer) INT.convert(v);
        if (value < 1) {
            throw new IllegalArgumentException("negative or zero value; must be positive");
        }
        return value;
    };

    static final Directive.Option PERCENTAGE = v -> NONNEGATIVE_INT.convert(v == null ? null
            : v.replaceAll("[ %]+$", ""));

    static final Directive.Option CLASS = v -> {
        if (v == null) {
            throw new IllegalArgumentException("argument required but none supplied");
        }
        List<String> names = new ArrayList<>();
        for (String name : Py.split(v)) {
            String id = Names.makeId(name);
            if (id.isEmpty()) {
                throw new IllegalArgumentException("cannot make \"" + name + "\" into a class name");
            }
            names.add(id);
        }
        return names;
    };

    static final Directive.Option PATH = v -> {
        if (v == null) {
            throw new IllegalArgumentException("argument required but none supplied");
        }
        StringBuilder b = new StringBuilder();
        for (String line : Py.splitlines(v)) {
            b.append(Py.strip(line));
        }
        return b.toString();
    };

    static final Directive.Option URI = v -> {
        if (v == null) {
            throw new IllegalArgumentException("argument required but none supplied");
        }
        List<String> parts = new ArrayList<>();
        for (String part : Inliner.splitEscapedWhitespace(Inliner.escape2null(v))) {
            parts.add(String.join("", Py.split(Inliner.unescape(part, false))));
        }
        return String.join(" ", parts);
    };

    static final Directive.Option ENCODING = v -> {
        try {
            Charset.forName(v);
            return v;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown encoding: \"" + v + "\"");
        }
    };

    private static final String LENGTH_UNITS = "em|ex|px|in|cm|mm|pt|pc";

    static final Directive.Option LENGTH_OR_UNITLESS = v -> measure(v, LENGTH_UNITS + "|");

    static final Directive.Option LENGTH_OR_PERCENTAGE_OR_UNITLESS = v -> {
        try {
            return measure(v, LENGTH_UNITS + "|%");
        } catch (IllegalArgumentException e) {
            return measure(v, "");
        }
    };

    private static String measure(String v, String units) {
        if (v == null) {
            throw new IllegalArgumentException("not a positive measure");
        }
        Matcher m = Pattern.compile("^([0-9.]+) *(" + units + ")$").matcher(v);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a positive measure of one of the following units");
        }
        try {
            Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a positive measure of one of the following units");
        }
        return m.group(1) + m.group(2);
    }

    /** One of {@code values} (case-insensitive). */
    static Directive.Option choice(String... values) {
        return v -> {
            if (v == null) {
                throw new IllegalArgumentException("must supply an argument");
            }
            String value = Py.strip(v.toLowerCase(Locale.ROOT));
            for (String allowed : values) {
                if (allowed.equals(value)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("\"" + v + "\" unknown");
        };
    }

    /** An option spec from name/converter pairs. */
    static Map<String, Directive.Option> spec(Object... pairs) {
        Map<String, Directive.Option> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Directive.Option) pairs[i + 1]);
        }
        return map;
    }
}
