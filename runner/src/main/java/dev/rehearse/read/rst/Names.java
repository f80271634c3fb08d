package dev.rehearse.read.rst;

import dev.rehearse.read.common.Py;

import java.text.Normalizer;
import java.util.Locale;

/** docutils' name normalization: how reference names and target names are compared. */
final class Names {

    private Names() {
    }

    /** {@code fully_normalize_name}: lower case, whitespace runs to one space. */
    static String fullyNormalize(String name) {
        return Py.normalizeSpace(name.toLowerCase(Locale.ROOT));
    }

    /** {@code whitespace_normalize_name}. */
    static String whitespaceNormalize(String name) {
        return Py.normalizeSpace(name);
    }

    /** {@code nodes.make_id} (close enough for class names: ASCII letters, digits and hyphens). */
    static String makeId(String text) {
        String id = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD)
                .replaceAll("[^\\x00-\\x7f]", "");
        id = Py.normalizeSpace(id).replaceAll("[^a-z0-9]+", "-");
        return id.replaceAll("^[-0-9]+|-+$", "");
    }
}
