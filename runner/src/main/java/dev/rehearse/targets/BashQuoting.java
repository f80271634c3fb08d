package dev.rehearse.targets;

/** Quoting text for bash so that it arrives byte for byte, whatever it holds. */
public final class BashQuoting {
    private BashQuoting() {
    }

    /** ANSI-C quoting, {@code $'...'}: printable ASCII stays as it is, everything else becomes an escape. */
    public static String ansiC(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8).append("$'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\'' -> out.append("\\'");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
