package dev.rehearse.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.TemplateOutput;
import gg.jte.html.OwaspHtmlTemplateOutput;
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
        ENGINE.render(template, page, new ControlCharactersSpelledOut(out));
        return out.toString();
    }

    /**
     * HTML escaping leaves control characters as they are: an ESC or a BEL from a guide or its output would act on the
     * terminal that cats the page. They come only with what the page shows, never with the templates' own text, so
     * only that is looked through (a page's markup is most of its characters).
     */
    private static final class ControlCharactersSpelledOut extends OwaspHtmlTemplateOutput {
        ControlCharactersSpelledOut(TemplateOutput out) {
            super(out);
        }

        @Override
        public void writeUserContent(String value) {
            super.writeUserContent(value == null ? null : XmlText.of(value));
        }
    }
}
