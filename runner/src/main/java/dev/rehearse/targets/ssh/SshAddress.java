package dev.rehearse.targets.ssh;

import dev.rehearse.guide.BadInput;

/**
 * Where an {@code ssh://user@host[:port]} target points, once every part is known: the real host name, not an
 * alias of the ssh client configuration.
 */
public record SshAddress(String user, String host, int port) {

    public static final int DEFAULT_PORT = 22;

    /**
     * The address a spec names, with ssh's defaults where it is silent and without consulting the ssh client
     * configuration (that is {@link SshClientConfig}'s part).
     *
     * @throws BadInput when it is not an {@code ssh://} address
     */
    public static SshAddress parse(String spec) {
        return SshSpec.parse(spec).withDefaults();
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
