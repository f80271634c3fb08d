package dev.rehearse.files;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretSettingsTest {

    @Test
    void theValuesOfSecretSettingsAreHiddenInEveryConfigFormat() {
        assertEquals("""
                registration_shared_secret: "<hidden: a secret setting>"
                macaroon_secret_key: <hidden: a secret setting>
                  password = '<hidden: a secret setting>'
                API_TOKEN=<hidden: a secret setting>
                    'db_password' => '<hidden: a secret setting>',
                server_name: "my.domain.name"
                    password: "<my super secure password>"
                keyboard: us
                """, SecretSettings.hide("""
                registration_shared_secret: "gv:_=-USKS1aB"
                macaroon_secret_key: k9Wx2Rv7Hp4N
                  password = 'hunter2'
                API_TOKEN=abc123
                    'db_password' => 'pw',
                server_name: "my.domain.name"
                    password: "<my super secure password>"
                keyboard: us
                """));
    }
}
