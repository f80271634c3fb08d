package dev.rehearse.targets.container;

import dev.rehearse.guide.BadInput;
import dev.rehearse.model.Faults;
import dev.rehearse.targets.UserFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where the run's Docker engine is, as the docker command finds it, and whether it answers there: the engine that
 * does not becomes one line that says how to fix it. A look from here (a connection to its socket or port) tells
 * a stopped engine, a missing socket and one this user may not use apart, before a container is asked for.
 */
final class EngineAddress {
    /** the docker command's own default, where it has no context to read */
    private static final String LOCAL_SOCKET = "unix:///var/run/docker.sock";
    private static final int CONNECT_MS = 5_000;

    private EngineAddress() {
    }

    /**
     * The address the docker command's current context names ({@code docker context use}, DOCKER_CONTEXT).
     *
     * @throws BadInput when there is no docker command to ask
     */
    static String ofContext() {
        UserFiles.Ran context;
        try {
            context = UserFiles.locally(List.of("docker"), Map.of())
                    .run(List.of("context", "inspect", "--format", "{{.Endpoints.docker.Host}}"), new byte[0]);
        } catch (UncheckedIOException notThere) {
            throw DockerCommand.missing(notThere);
        }
        String host = context.out().strip();
        // a docker command older than contexts (before 19.03) reaches the local socket
        return context.exit() == 0 && !host.isEmpty() && !host.contains("\n") ? host : LOCAL_SOCKET;
    }

    /**
     * Checks that something answers at {@code address}, as far as a connection tells.
     *
     * @param given the address as DOCKER_HOST or the context gave it (an ssh:// one's, before its local socket)
     * @param named whether DOCKER_HOST gave it
     * @throws BadInput when nothing does, saying why as far as a look from here tells
     */
    static void requireAnswer(String address, String given, boolean named) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException e) {
            throw new BadInput("--target", 0, "DOCKER_HOST=" + shown(address) + ": not an address of a Docker engine "
                    + "(unix:///PATH, tcp://HOST:PORT or ssh://[user@]host[:port])");
        }
        try {
            if ("unix".equals(uri.getScheme())) {
                Path socket = Path.of(uri.getPath());
                if (!Files.exists(socket)) {
                    throw notAnswering(given, named, "no such socket");
                }
                if (!Files.isWritable(socket)) {
                    throw new BadInput("--target", 0, "cannot use the Docker engine: permission denied on " + socket
                            + " (join its group, or run as root)");
                }
                SocketChannel.open(UnixDomainSocketAddress.of(socket)).close();
            } else if ("tcp".equals(uri.getScheme()) && uri.getHost() != null && uri.getPort() >= 0) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), CONNECT_MS);
                }
            }
        } catch (IOException e) {
            throw notAnswering(given, named, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private static BadInput notAnswering(String given, boolean named, String why) {
        if (named) {
            return new BadInput("--target", 0, "the Docker engine DOCKER_HOST names does not answer: DOCKER_HOST="
                    + shown(given) + " (" + why + "); start it, or make it reachable from here, or unset DOCKER_HOST "
                    + "for the local engine");
        }
        if (!given.equals(LOCAL_SOCKET)) {
            return new BadInput("--target", 0, "the Docker engine the docker command's context names does not "
                    + "answer: " + shown(given) + " (" + why + "); start it, or make it reachable from here, or choose "
                    + "another context (docker context use default)");
        }
        return new BadInput("--target", 0, "the Docker engine does not answer at " + given + " (" + why
                + "); start it (on a machine like CI's: sudo .ci/setup)");
    }

    /**
     * The Docker client's failure to reach an engine that answered the look from here: what Testcontainers said
     * stays in the message ("permission denied" wants another fix than a stopped engine), and the exception stays
     * its cause.
     */
    static BadInput notAnswering(RuntimeException e) {
        BadInput bad = new BadInput("--target", 0, "the Docker engine does not answer the Docker client ("
                + Faults.withCauses(e) + ")");
        bad.initCause(e);
        return bad;
    }

    /** DOCKER_HOST when it is set; else null */
    static String named() {
        String named = System.getenv("DOCKER_HOST");
        return named == null || named.isBlank() ? null : named.strip();
    }

    /**
     * An engine's address as it may be shown: a password in it ({@code ssh://user:secret@host}) and any query left
     * out.
     */
    static String shown(String address) {
        String noQuery = address.replaceFirst("[?#].*$", "");
        return noQuery.replaceFirst("^([A-Za-z][\\w+.-]*://[^:@/]*):[^@/]*@", "$1@");
    }
}
