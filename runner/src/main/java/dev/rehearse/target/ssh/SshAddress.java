package dev.rehearse.target.ssh;

import dev.rehearse.guide.BadInput;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an {@code ssh://user@host[:port]} target points. The user defaults to the local user, as with
 * {@code ssh}; an IPv6 address is written in brackets ({@code ssh://robin@[::1]:2222}).
 */
public record SshAddress(String user, String host, int port) {

    public static final int DEFAULT_PORT = 22;

    private static final Pattern SPEC = Pattern.compile(
            "ssh://(?:([A-Za-z0-9._][A-Za-z0-9._-]*)@)?(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+)(?::(\\d{1,5}))?/?");

    /**
     * @param spec the target as given on the command line
     * @throws BadInput when it is not an {@code ssh://} address
     */
    public static SshAddress parse(String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new BadInput(spec, 0, "not an ssh target: expected ssh://user@host[:port]");
        }
        String user = m.group(1) != null ? m.group(1) : System.getProperty("user.name");
        String bracketed = m.group(2);
        // lower case as ssh makes it, so that known_hosts lines (hashed ones too) match the same way
        String host = (bracketed.startsWith("[") ? bracketed.substring(1, bracketed.length() - 1) : bracketed)
                .toLowerCase(Locale.ROOT);
        int port = m.group(3) != null ? Integer.parseInt(m.group(3)) : DEFAULT_PORT;
        if (port < 1 || port > 65535) {
            throw new BadInput(spec, 0, "port " + port + " is out of range 1-65535");
        }
        return new SshAddress(user, host, port);
    }

    /** The name the host's key is filed under in known_hosts: {@code host}, or {@code [host]:port} off port 22. */
    public String hostKeyName() {
        return port == DEFAULT_PORT ? host : "[" + host + "]:" + port;
    }

    /** host:port, how messages name the far end of the connection */
    public String endpoint() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return "ssh://" + user + "@" + endpoint();
    }
}
