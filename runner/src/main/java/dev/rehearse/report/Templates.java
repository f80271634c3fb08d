package dev.rehearse.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/**
 * The pages' jte templates, compiled with the build (under {@code src/main/jte}), each rendered from the record that
 * holds what its page shows: all of it plain text, which HTML content type escapes.
 */
public final class Templates {
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Templates() {
    }

    /** @param template its path under src/main/jte, e.g. {@code dev/rehearse/matrix/matrix.jte} */
    public static String render(String template, Object page) {
        StringOutput out = new StringOutput();
        ENGINE.render(template, page, out);
        // HTML escaping leaves control characters as they are: an ESC or a BEL from a guide or its output would act
        // on the terminal that cats the page
        return XmlText.of(out.toString());
    }
}
