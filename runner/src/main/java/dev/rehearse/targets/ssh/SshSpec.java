package dev.rehearse.targets.ssh;

import dev.rehearse.guide.BadInput;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an {@code ssh://[user@]host[:port]} target spec says, before the ssh client configuration fills in what it
 * leaves out: the user and the port only where the spec gives them, the host perhaps an alias of
 * {@code ~/.ssh/config}. An IPv6 address is written in brackets ({@code ssh://robin@[::1]:2222}).
 *
 * @param user null when the spec names none
 * @param host lower-cased as ssh makes it, so that known_hosts lines (hashed ones too) match the same way
 * @param port null when the spec names none
 */
public record SshSpec(String user, String host, Integer port) {

    private static final Pattern SPEC = Pattern.compile(
            "ssh://(?:([A-Za-z0-9._][A-Za-z0-9._-]*)@)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9_][A-Za-z0-9._-]*)(?::(\\d{1,5}))?/?");

    /**
     * @param spec the target as given on the command line
     * @throws BadInput when it is not an {@code ssh://} address
     */
    public static SshSpec parse(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new BadInput(spec, 0, "not an ssh target: expected ssh://user@host[:port]");
        }
        String bracketed = m.group(2);
        String host = (bracketed.startsWith("[") ? bracketed.substring(1, bracketed.length() - 1) : bracketed)
                .toLowerCase(Locale.ROOT);
        Integer port = m.group(3) != null ? Integer.valueOf(m.group(3)) : null;
        if (port != null && (port < 1 || port > 65535)) {
            throw new BadInput(spec, 0, "port " + port + " is out of range 1-65535");
        }
        return new SshSpec(m.group(1), host, port);
    }

    /** The address with ssh's defaults where the spec is silent: the local user, port 22. */
    public SshAddress withDefaults() {
        return new SshAddress(user != null ? user : System.getProperty("user.name"), host,
                port != null ? port : SshAddress.DEFAULT_PORT);
    }
}
