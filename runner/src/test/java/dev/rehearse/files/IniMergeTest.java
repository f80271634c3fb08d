package dev.rehearse.files;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IniMergeTest {

    @Test
    void keysOfTheFragmentReplaceTheirsInTheSameSectionAndEverythingElseStays() {
        String original = """
                ; the app's settings
                APP_NAME = Gitea

                [server]
                ; where it listens
                HTTP_PORT = 3000
                DOMAIN = localhost

                [database]
                DB_TYPE = sqlite3
                """;
        String fragment = """
                [server]
                HTTP_PORT = 40132
                SSH_PORT = 40133

                [mailer]
                ENABLED = true
                """;
        assertEquals("""
                ; the app's settings
                APP_NAME = Gitea

                [server]
                ; where it listens
                HTTP_PORT = 40132
                DOMAIN = localhost
                SSH_PORT = 40133

                [database]
                DB_TYPE = sqlite3

                [mailer]
                ENABLED = true
                """, IniMerge.merge(original, fragment, false));
    }

    @Test
    void anEnvFileWithoutSectionsGetsItsKeysSetInPlace() {
        assertEquals("A=1\nURL=https://bob.test\nB=2\nNEW=x\n", IniMerge.merge("A=1\nURL=http://localhost\nB=2\n",
                "URL=https://bob.test\nNEW=x", false));
    }

    /**
     * "Add the following to app.ini" over {@code debug = true}: the reader adds it at the end, in the last section,
     * where configparser reads it. Before, it went above the first section, which configparser refuses. A key the
     * file has before its first section is still set in place, and toml keeps a new top-level key at the top.
     */
    @Test
    void aNewKeyBeforeAnySectionGoesToTheEndOfAnIniFileAndStaysAtTheTopOfToml() {
        String original = "name = top\n\n[app]\nport = 1\n\n";
        assertEquals("name = top\n\n[app]\nport = 1\ndebug = true\nlevel = 2\n\n",
                IniMerge.merge(original, "debug = true\nlevel = 2", false));
        assertEquals("name = set\n\n[app]\nport = 1\n\n", IniMerge.merge(original, "name = set", false));
        assertEquals("name = top\ndebug = true\n\n[app]\nport = 1\n\n", IniMerge.merge(original, "debug = true", true));
    }
}
