package dev.rehearse.report;

/**
 * Text made safe for XML 1.0, which cannot carry most control characters even escaped: terminal output may hold
 * an ESC or a BEL the checker left alone. Each such character is written out as {@code \}{@code u001b} instead.
 */
final class XmlText {

    private XmlText() {
    }

    static String of(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF
                    || c >= 0xE000 && c <= 0xFFFD;
            if (!allowed && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                out.append(allowed ? String.valueOf(c) : String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
