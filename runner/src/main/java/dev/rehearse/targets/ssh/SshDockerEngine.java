package dev.rehearse.targets.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.UserFiles;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The Docker engine of a host reached over ssh, as {@code DOCKER_HOST=ssh://[user@]host[:port]} names it, offered
 * here as a local socket that docker-java and the {@code docker} command speak to as to any engine's.
 *
 * <p>Each connection to the socket runs {@code docker system dial-stdio} on the host, on a channel of this
 * program's ssh connection, and passes the bytes through both ways: what the {@code docker} command does for an
 * {@code ssh://} engine, so the host needs what it needs (a {@code docker} command there, and a user allowed to use
 * the engine), and the engine is the one that command reaches there, wherever its socket is (a rootless one too).
 * The connection is opened and its host trusted as for the ssh target ({@link SshConnection}): an unknown host key
 * is refused, never recorded unless asked. The socket lies in a folder of its own that only this user can enter
 * (0700): anyone who could connect to it would command the remote engine as the ssh user.
 */
public final class SshDockerEngine implements AutoCloseable {
    /** what the docker command runs on the host for an ssh:// engine */
    private static final String DIAL_STDIO = "docker system dial-stdio";
    /** asked once at open, so that a host without a usable engine is one line before anything else */
    private static final String SERVER_VERSION = "docker version --format '{{.Server.Version}}'";

    private static final int BUFFER = 32 * 1024;

    private final SshAddress address;
    private final SshOptions options;
    /** sshd serves at most MaxSessions (10 by default) channels on one connection: more connections when full */
    private final List<SshConnection> connections = new CopyOnWriteArrayList<>();
    private final Path folder;
    private final Path socket;
    private final ServerSocketChannel listener;
    private volatile boolean closed;

    private SshDockerEngine(SshAddress address, SshOptions options, SshConnection first, Path folder, Path socket,
                            ServerSocketChannel listener) {
        this.address = address;
        this.options = options;
        this.connections.add(first);
        this.folder = folder;
        this.socket = socket;
        this.listener = listener;
    }

    /**
     * Connects to the host, checks that its engine answers there, and listens on a fresh local socket.
     *
     * @param spec    {@code ssh://[user@]host[:port]}, the host perhaps an alias of the ssh client configuration
     * @param options the keys, known_hosts and ssh configuration, as for the ssh target
     * @param stop    the run's stop while its target opens, which waits for the engine: it closes the connection
     *                being opened, and the opening ends at once in {@link OpeningStop.Stopped}
     * @throws BadInput when the host cannot be reached or trusted (as for the ssh target), or its engine does not
     *                  answer {@code docker version} there
     */
    public static SshDockerEngine open(String spec, SshOptions options, OpeningStop stop) {
        SshClientConfig.Applied applied = SshClientConfig.applied(SshSpec.parse(spec), options);
        SshConnection connection = SshConnection.open(applied.address(), applied.options(), stop);
        Path folder = null;
        try {
            UserFiles.Ran version = connection.exec(SERVER_VERSION, new byte[0]);
            if (version.exit() != 0 || version.out().isBlank()) {
                String said = (version.err().isBlank() ? version.out() : version.err()).strip();
                throw new BadInput(applied.address().toString(), 0, "the Docker engine there does not answer `docker "
                        + "version`: " + (said.isEmpty() ? "exit " + version.exit() : said.lines().findFirst().orElse("")));
            }
            folder = Files.createTempDirectory("rehearse-docker-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path socket = folder.resolve("docker.sock");
            ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            listener.bind(UnixDomainSocketAddress.of(socket));
            SshDockerEngine engine = new SshDockerEngine(applied.address(), applied.options(), connection, folder,
                    socket, listener);
            Thread accepting = new Thread(engine::accept, "rehearse-docker-over-ssh");
            accepting.setDaemon(true);
            accepting.start();
            return engine;
        } catch (IOException e) {
            connection.close();
            deleteQuietly(folder);
            throw new UncheckedIOException("cannot make a local socket for the Docker engine over ssh", e);
        } catch (RuntimeException e) {
            connection.close();
            deleteQuietly(folder);
            throw e;
        }
    }

    /** The local socket that leads to the engine: {@code unix://} this is a DOCKER_HOST for it. */
    public Path socket() {
        return socket;
    }

    private void accept() {
        while (!closed) {
            try {
                SocketChannel local = listener.accept();
                Thread relay = new Thread(() -> relay(local), "rehearse-docker-over-ssh-relay");
                relay.setDaemon(true);
                relay.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    /** One connection to the socket: a dial-stdio on the host, the bytes passed through until either side ends. */
    private void relay(SocketChannel local) {
        Dialed dialed = null;
        try (local) {
            dialed = dialStdio();
            InputStream fromEngine = dialed.fromEngine();
            OutputStream toEngine = dialed.channel().getOutputStream();
            Thread upstream = new Thread(() -> {
                try {
                    copy(local, toEngine);
                } catch (IOException ended) {
                    // the other direction notices the end too
                } finally {
                    closeQuietly(toEngine); // an EOF to dial-stdio, which half-closes its engine connection
                }
            }, "rehearse-docker-over-ssh-up");
            upstream.setDaemon(true);
            upstream.start();
            copy(fromEngine, local);
            local.shutdownOutput();
            upstream.join(5_000);
        } catch (IOException | JSchException | RuntimeException e) {
            // the client sees its connection end; nothing here to tell it more with
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (dialed != null) {
                dialed.channel().disconnect();
            }
        }
    }

    /** dial-stdio on a connection with room for one more channel, opening one more connection when all are full. */
    private Dialed dialStdio() throws JSchException, IOException {
        for (SshConnection connection : connections) {
            if (connection.isConnected()) {
                try {
                    return dialStdio(connection);
                } catch (JSchException full) {
                    // the next connection, or a new one
                }
            }
        }
        SshConnection more;
        synchronized (this) {
            if (closed) {
                throw new IOException("closed");
            }
            // no stop cuts it: after a stop, the removal of the run's container goes through it
            more = SshConnection.open(address, options);
            connections.add(more);
        }
        return dialStdio(more);
    }

    /** A dial-stdio running on the host, and what it prints (JSch makes a new stream at each ask: asked once). */
    private record Dialed(ChannelExec channel, InputStream fromEngine) {
    }

    private static Dialed dialStdio(SshConnection connection) throws JSchException, IOException {
        ChannelExec channel = (ChannelExec) connection.openChannel("exec");
        channel.setCommand(DIAL_STDIO);
        InputStream fromEngine = channel.getInputStream(); // before the channel connects, or its first bytes are lost
        try {
            channel.connect(SshConnection.CONNECT_TIMEOUT_MS);
            return new Dialed(channel, fromEngine);
        } catch (JSchException e) {
            channel.disconnect();
            throw e;
        }
    }

    /*
     * The socket is read and written through the channel itself, from two threads: the streams of
     * java.nio.channels.Channels share one lock, and a read waiting there would hold every write back.
     */
    private static void copy(SocketChannel from, OutputStream to) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        while (from.read(buffer) >= 0) {
            to.write(buffer.array(), 0, buffer.position());
            to.flush();
            buffer.clear();
        }
    }

    private static void copy(InputStream from, SocketChannel to) throws IOException {
        byte[] buffer = new byte[BUFFER];
        for (int n; (n = from.read(buffer)) >= 0; ) {
            ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
            while (chunk.hasRemaining()) {
                to.write(chunk);
            }
        }
    }

    /** Stops listening, removes the socket and its folder, and disconnects: what dial-stdio still runs is hung up. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly(listener);
        connections.forEach(SshConnection::close);
        deleteQuietly(folder);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing is all that is left to do with it
        }
    }

    private static void deleteQuietly(Path folder) {
        if (folder == null) {
            return;
        }
        try {
            Files.deleteIfExists(folder.resolve("docker.sock"));
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a temporary folder: the system's clean-up takes it otherwise
        }
    }
}
