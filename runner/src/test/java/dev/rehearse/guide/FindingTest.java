package dev.rehearse.guide;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FindingTest {

    @Test
    void aMessageQuotingSeveralLinesStaysOnOneLine() {
        Finding f = new Finding("guide.rst", 12, Finding.Level.WARNING, "repeated-command",
                "`cat <<EOF\nx\r\nEOF` runs twice");
        assertEquals("guide.rst:12: warning: `cat <<EOF\\nx\\nEOF` runs twice [repeated-command]", f.toString());
    }
}
