package dev.rehearse.read.asciidoc;

/**
 * One line of an AsciiDoc guide after includes are inlined, with where it really stands.
 *
 * @param source the file it comes from, relative to the guide's root
 * @param line   its 1-based line there
 */
record SourceLine(String text, String source, int line) {

    String where() {
        return source + ":" + line;
    }
}
