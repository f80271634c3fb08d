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
                """, IniMerge.merge(original, fragment));
    }

    @Test
    void anEnvFileWithoutSectionsGetsItsKeysSetInPlace() {
        assertEquals("A=1\nURL=https://bob.test\nB=2\nNEW=x\n", IniMerge.merge("A=1\nURL=http://localhost\nB=2\n",
                "URL=https://bob.test\nNEW=x"));
    }
}
