package dev.rehearse.targets.ssh;

import dev.rehearse.guide.BadInput;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SshAddressTest {

    @Test
    void userHostAndPortAreRead() {
        SshAddress a = SshAddress.parse("ssh://robin@Ravel.Example.org:2222");
        assertEquals(new SshAddress("robin", "ravel.example.org", 2222), a);
        assertEquals("[ravel.example.org]:2222", a.hostKeyName());
        assertEquals("ravel.example.org:2222", a.endpoint());
    }

    @Test
    void portTwentyTwoIsFiledUnderThePlainName() {
        SshAddress a = SshAddress.parse("ssh://robin@ravel");
        assertEquals(22, a.port());
        assertEquals("ravel", a.hostKeyName());
    }

    @Test
    void anIpv6AddressIsBracketed() {
        SshAddress a = SshAddress.parse("ssh://robin@[::1]:2222");
        assertEquals("::1", a.host());
        assertEquals("[::1]:2222", a.hostKeyName());
        assertEquals("ssh://robin@[::1]:2222", a.toString());
    }

    @Test
    void theUserDefaultsToTheLocalOneAsWithSsh() {
        assertEquals(System.getProperty("user.name"), SshAddress.parse("ssh://ravel").user());
    }

    @Test
    void anythingElseIsBadInputInOneLine() {
        assertEquals("ssh://robin@ravel:99999: port 99999 is out of range 1-65535",
                assertThrows(BadInput.class, () -> SshAddress.parse("ssh://robin@ravel:99999")).getMessage());
        assertEquals("ssh://robin@rav el: not an ssh target: expected ssh://user@host[:port]",
                assertThrows(BadInput.class, () -> SshAddress.parse("ssh://robin@rav el")).getMessage());
        assertEquals("ssh://robin@ravel;rm -rf /: not an ssh target: expected ssh://user@host[:port]",
                assertThrows(BadInput.class, () -> SshAddress.parse("ssh://robin@ravel;rm -rf /")).getMessage());
        // the host goes to `ssh -G`: it must never read as one of its options
        assertEquals("ssh://-oProxyCommand: not an ssh target: expected ssh://user@host[:port]",
                assertThrows(BadInput.class, () -> SshAddress.parse("ssh://-oProxyCommand")).getMessage());
    }
}
