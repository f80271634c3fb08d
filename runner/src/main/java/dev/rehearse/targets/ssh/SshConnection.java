package dev.rehearse.targets.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Logger;
import com.jcraft.jsch.Session;
import dev.rehearse.guide.BadInput;
import dev.rehearse.targets.OpeningStop;
import dev.rehearse.targets.UserFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One authenticated SSH connection (JSch), checked against known_hosts, kept alive with keepalive probes.
 * Every way it can fail to open is one line naming the target: an unknown or changed host key, keys the
 * server refused, a port nobody answers on. Once open, it knows why it dropped, if it did.
 */
final class SshConnection implements AutoCloseable {
    static final int CONNECT_TIMEOUT_MS = 15_000;
    /** keepalive probes left unanswered before the connection counts as lost, as ssh's ServerAliveCountMax */
    private static final int SERVER_ALIVE_COUNT_MAX = 3;

    private final SshAddress address;
    private final Session session;
    private final DropCause dropCause;
    private final StoppableSocket socket;
    private volatile boolean closedHere;

    private SshConnection(SshAddress address, Session session, DropCause dropCause, StoppableSocket socket) {
        this.address = address;
        this.session = session;
        this.dropCause = dropCause;
        this.socket = socket;
    }

    /** As {@link #open(SshAddress, SshOptions, OpeningStop)}, for a connection that no stop cuts short. */
    static SshConnection open(SshAddress address, SshOptions options) {
        return open(address, options, new OpeningStop());
    }

    /**
     * @param stop closes the connection when the run is stopped while its target opens: the connect, and whatever
     *             the opening runs on the connection until the target is open, then fail at once with
     *             {@link OpeningStop.Stopped}
     * @throws BadInput when the host key is unknown (without accept-new) or changed, when the server accepts
     *                  none of the keys offered, or when nothing answers at the address
     */
    static SshConnection open(SshAddress address, SshOptions options, OpeningStop stop) {
        JSch jsch = new JSch();
        Identities identities = Identities.load(jsch, options);
        KnownHostsFile knownHosts = new KnownHostsFile(options.knownHostsFile(), options.acceptNew(), options.notices());
        DropCause dropCause = new DropCause();
        StoppableSocket socket = new StoppableSocket();
        stop.onRequest(socket::cut);
        try {
            Session session = jsch.getSession(address.user(), address.host(), address.port());
            session.setSocketFactory(socket);
            session.setLogger(dropCause);
            session.setIdentityRepository(identities);
            session.setUserInfo(new PassphrasePrompt(System.console()));
            session.setHostKeyRepository(knownHosts);
            if (options.hostKeyAlias() != null) {
                session.setHostKeyAlias(options.hostKeyAlias());
            }
            session.setConfig("StrictHostKeyChecking", "yes");
            session.setConfig("PreferredAuthentications", "publickey");
            session.setServerAliveInterval((int) options.serverAliveInterval().toMillis());
            session.setServerAliveCountMax(SERVER_ALIVE_COUNT_MAX);
            session.connect(CONNECT_TIMEOUT_MS);
            return new SshConnection(address, session, dropCause, socket);
        } catch (JSchException e) {
            if (socket.wasCut()) {
                throw new OpeningStop.Stopped(address.toString(), e);
            }
            if (knownHosts.refusal() != null) {
                throw knownHosts.refusal();
            }
            // "Auth cancel" when the only key was locked and no passphrase could be asked for
            if (e.getMessage() != null && (e.getMessage().startsWith("Auth fail")
                    || e.getMessage().startsWith("Auth cancel"))) {
                throw new BadInput(address.toString(), 0, "the server accepted none of the keys offered for "
                        + address.user() + ": " + identities.describeOffered());
            }
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new BadInput(address.toString(), 0, "cannot connect: "
                    + (cause instanceof UnknownHostException ? "no such host" : cause.getMessage()));
        }
    }

    SshAddress address() {
        return address;
    }

    boolean isConnected() {
        return session.isConnected();
    }

    /**
     * Whether the connection dropped. JSch closes the channels of a dropped connection a moment before it marks
     * the connection itself as down, so the cause in its log counts too.
     */
    boolean isLost() {
        return !session.isConnected() || dropCause.known();
    }

    /** Why the connection dropped, in words, e.g. "the server closed the connection". */
    String dropCause() {
        return dropCause.describe(session.getServerAliveInterval(), SERVER_ALIVE_COUNT_MAX);
    }

    /** Runs a command without a terminal and returns what it printed on stdout; a non-zero exit is an error. */
    String exec(String command) {
        UserFiles.Ran ran = exec(command, new byte[0]);
        if (ran.exit() != 0) {
            throw new IllegalStateException(address + ": `" + command + "` exited with " + ran.exit() + ": "
                    + ran.err().strip());
        }
        return ran.out();
    }

    /**
     * Runs a command without a terminal, {@code input} on its standard input; what it printed and its exit status,
     * whatever that is.
     */
    UserFiles.Ran exec(String command, byte[] input) {
        ChannelExec channel = (ChannelExec) openChannel("exec");
        channel.setCommand(command);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        channel.setErrStream(err);
        try (InputStream in = channel.getInputStream()) {
            OutputStream toCommand = channel.getOutputStream();
            channel.connect(CONNECT_TIMEOUT_MS);
            give(channel, toCommand, input);
            String out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            awaitClosed(channel);
            if (socket.wasCut()) {
                // the output ended because a stop closed the connection, not because the command did
                throw new SocketException("Socket closed");
            }
            return new UserFiles.Ran(channel.getExitStatus(), out, err.toString(StandardCharsets.UTF_8));
        } catch (IOException | JSchException e) {
            throw lost("running `" + command.lines().findFirst().orElse("") + "`", e);
        } finally {
            channel.disconnect();
        }
    }

    /**
     * Writes the command's input and ends it, on this thread. Given as an input stream, JSch copies it on a thread
     * of its own, which it starts after the channel opens: a command that had ended by then (id -un) closed the
     * channel first, and the start failed (a NullPointerException inside JSch). A command that ends without
     * reading all of it (one that fails at once) leaves the rest unsent: its exit status says why.
     */
    private static void give(Channel channel, OutputStream toCommand, byte[] input) throws IOException {
        try (toCommand) {
            if (input.length > 0) {
                toCommand.write(input);
            }
        } catch (IOException unread) {
            if (!channel.isClosed() && !channel.isEOF()) {
                throw unread;
            }
        }
    }

    /** The exit status arrives just after the end of the output: wait for it, briefly. */
    private static void awaitClosed(Channel channel) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!channel.isClosed() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    Channel openChannel(String type) {
        try {
            return session.openChannel(type);
        } catch (JSchException e) {
            throw lost("opening a " + type + " channel", e);
        }
    }

    /**
     * An error for something that failed on this connection, its message one line for a FAIL's reason: the
     * connection's loss if that is what it was, or the stop that cut it while its target opened.
     */
    UncheckedIOException lost(String doing, Exception e) {
        if (socket.wasCut()) {
            return new OpeningStop.Stopped(address.toString(), e);
        }
        String why = isConnected() ? e.getMessage() : "connection lost: " + dropCause();
        return new UncheckedIOException(address.endpoint() + ": " + doing + " failed: " + why,
                e instanceof IOException io ? io : new IOException(e));
    }

    /** Disconnects; the server hangs up the shell, which passes SIGHUP on to what still runs in it. */
    @Override
    public void close() {
        closedHere = true;
        session.disconnect();
    }

    /** whether this side closed the connection (a run stopped with Ctrl-C), rather than lost it */
    boolean closedHere() {
        return closedHere;
    }

    /**
     * Listens to JSch's log for the one line that says why its read loop ended, since JSch keeps the cause
     * of a dropped connection nowhere else.
     */
    static final class DropCause implements Logger {
        private static final String LEAVING = "Caught an exception, leaving main loop due to ";
        private volatile String cause;

        @Override
        public boolean isEnabled(int level) {
            return level == INFO;
        }

        @Override
        public void log(int level, String message) {
            if (message != null && message.startsWith(LEAVING)) {
                // the exception's message, then its whole stack trace on the lines after it
                cause = message.substring(LEAVING.length()).lines().findFirst().orElse("").strip();
            }
        }

        boolean known() {
            return cause != null;
        }

        String describe(int aliveIntervalMs, int aliveCountMax) {
            if (cause == null) {
                return "the connection closed";
            }
            // a server that ends with data still unread closes with a reset: which of the two comes is timing
            if (cause.contains("End of IO Stream Read") || cause.contains("foreign host")
                    || cause.contains("Connection reset")) {
                return "the server closed the connection";
            }
            if (cause.contains("Read timed out")) { // JSch rethrows the read timeout once its keepalives ran out
                return "no answer to " + aliveCountMax + " keepalives sent every " + Duration.ofMillis(aliveIntervalMs).toSeconds() + " s";
            }
            return cause;
        }
    }
}
