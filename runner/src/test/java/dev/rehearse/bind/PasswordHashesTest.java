package dev.rehearse.bind;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PasswordHashesTest {
    private static final String HIDDEN = PasswordHashes.SHOWN_AS;

    /** Every scheme as its program prints it, alone on a line, after a user's name, or in quotes. */
    @Test
    void theHashesOfCommonSchemesAreHidden() {
        for (String hash : List.of(
                "$6$qPMChOfVOW0cQ8M5$yN3a9nswa.Wh9OLKwiGC.gKJ1fKDDlbbOOOeVdUMe26X4TV7JQOCc5y1TSrpqA4wizFjlEwCLgiR6Og2WECvR0",
                "$5$rounds=5000$saltsalt$Gbg5eYWZdLYMkUv7UT8ZqNV4mdWKQYPuZN5nNgcHUC5",
                "$1$x1y2z3w4$mcqt9O0NWj7qTseqayabw/",
                "$apr1$x1y2z3w4$mcqt9O0NWj7qTseqayabw/",
                "$2b$12$Tj2aBLbUiRJ1VfKO2F0Iuu6Zz4LCZ1lFWuIb5xiaTIrS2sbpGz2a6",
                "$2y$05$Tj2aBLbUiRJ1VfKO2F0Iuu6Zz4LCZ1lFWuIb5xiaTIrS2sbpGz2a6",
                "$y$j9T$F5Jx5fExrKuPp53xLKQ..1$X3DX6M94c7o.9agCG9G317fhZg9SqC.5i5rd.RhAtQ7",
                "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$w0Hq4fqGmjE4mXg4vV2f7mI6r1t0Ahk4c6oYpE2YvH4",
                "pbkdf2_sha256$600000$y7Nm0eXc4q$rT0u1g0bJm3Hq4kZ2tO2E7n3fW5xW8z1c9sJ2a4eQ0c=",
                "{SSHA}Kq7Ha9b2YQ8vM1g5r0W3pZtU9lDxV2sE")) {
            assertEquals(HIDDEN, PasswordHashes.hide(hash, s -> false), hash);
            assertEquals("admin:" + HIDDEN, PasswordHashes.hide("admin:" + hash, s -> false), hash);
            assertEquals("SET password_hash='" + HIDDEN + "' WHERE", PasswordHashes.hide("SET password_hash='" + hash
                    + "' WHERE", s -> false), hash);
        }
    }

    /** A guide's example that a capture binds stands in for the real hash already: it is what the reports show. */
    @Test
    void aHashTheRunKnowsAsAGuidesExampleStays() {
        String example = "$2b$12$yK16TMDMnvj97GFBoxF9QeP2N.U8oadindcjB0Uo9TkSI3CsgwV02";
        assertEquals(example, PasswordHashes.hide(example, example::equals));
    }

    /** A shell's variables, a price, a short scheme-like word: no hash. */
    @Test
    void textThatOnlyLooksLikeOneStays() {
        for (String text : List.of("echo $1$2 $HOME", "awk '{print $1$6}'", "costs $6$ per month",
                "$y$ is a variable", "{SSHA} is a scheme", "PATH=$HOME/bin:$PATH", "")) {
            assertEquals(text, PasswordHashes.hide(text, s -> false), text);
        }
    }

    /** Output arriving in pieces is not cut inside a run of a hash's characters that may be one still arriving. */
    @Test
    void aCutFallsBeforeWhatMayBeAHashStillArriving() {
        String text = "hash: $6$qPMChOfVOW0cQ8M5$yN3a9n";
        assertEquals("hash: ".length(), PasswordHashes.cutBefore(text, text.length()));
        assertEquals("hash: ".length(), PasswordHashes.cutBefore(text, text.length() - 4));
        String plain = "count: 1234";
        assertEquals(plain.length(), PasswordHashes.cutBefore(plain, plain.length()));
    }
}
