package dev.rehearse.guide;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BadInputTest {

    /** A file's name with a line end in it (a guide named so) still makes one line. */
    @Test
    void theMessageIsOneLineWhateverTheNameHolds() {
        BadInput bad = new BadInput("bad\nname.md", 3, "include reaches outside");
        assertEquals("bad\\nname.md:3: include reaches outside", bad.getMessage());
    }
}
