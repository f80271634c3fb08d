package dev.rehearse.targets.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import dev.rehearse.targets.shell.TerminalServers;
import dev.rehearse.targets.shell.ThreadedOutput;
import dev.rehearse.targets.shell.TimedOutput;
import dev.rehearse.targets.shell.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A login bash on a remote PTY, over one channel of an SSH connection: the byte pipe the session protocol
 * runs over. The channel asks for a PTY of the session's TERM and size and runs {@code exec env MARK bash --login}
 * rather than the user's login shell: the protocol speaks bash, and that shell need not be bash; the mark in its
 * environment tells its programs from the host's others ({@link RemoteTerminalReaders}). Closing the channel hangs
 * up the remote terminal, which sends SIGHUP to the shell and the job in its foreground.
 */
final class SshShellTransport implements Transport {
    private final SshConnection connection;
    private final ChannelExec channel;
    private final TimedOutput output;
    private final OutputStream input;
    private final RemoteTerminalReaders readers;

    private SshShellTransport(SshConnection connection, ChannelExec channel, TimedOutput output, OutputStream input,
                              RemoteTerminalReaders readers) {
        this.connection = connection;
        this.channel = channel;
        this.output = output;
        this.input = input;
        this.readers = readers;
    }

    static SshShellTransport start(SshConnection connection, String term, int columns, int rows) {
        ChannelExec channel = (ChannelExec) connection.openChannel("exec");
        RemoteTerminalReaders readers = new RemoteTerminalReaders(connection);
        channel.setCommand("exec env " + readers.mark() + " bash --login");
        channel.setPty(true);
        channel.setPtyType(term, columns, rows, 0, 0);
        try {
            InputStream output = channel.getInputStream();
            OutputStream input = channel.getOutputStream();
            channel.connect(SshConnection.CONNECT_TIMEOUT_MS);
            // a channel's stream can only block: a thread of its own reads it
            return new SshShellTransport(connection, channel, ThreadedOutput.of(output, "rehearse-shell-reader"),
                    input, readers);
        } catch (IOException | JSchException e) {
            channel.disconnect();
            throw connection.lost("starting a login shell", e);
        }
    }

    @Override
    public TimedOutput output() {
        return output;
    }

    @Override
    public OutputStream input() {
        return input;
    }

    @Override
    public Optional<String> silentReader(boolean shellCounts) {
        return readers.look(shellCounts);
    }

    @Override
    public List<TerminalServers.Listening> listening() {
        return readers.lookForServers();
    }

    @Override
    public boolean isOpen() {
        return channel.isConnected() && !channel.isClosed();
    }

    /**
     * Why the output ended: the shell's exit (the connection lives on), the connection's close from this end, or
     * its loss. The channel's end of output comes a moment before its exit status or the connection's state,
     * so this waits for one of them, briefly.
     */
    @Override
    public String endReason() {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (true) {
            if (connection.closedHere()) {
                return "connection to " + connection.address().endpoint() + " closed from this end";
            }
            if (connection.isLost()) {
                return "connection to " + connection.address().endpoint() + " lost: " + connection.dropCause();
            }
            if (channel.getExitStatus() >= 0) {
                return "the remote shell ended with exit status " + channel.getExitStatus();
            }
            if (System.nanoTime() >= deadline) {
                return "the remote shell's channel closed";
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "the remote shell's channel closed";
            }
        }
    }

    @Override
    public void close() {
        channel.disconnect();
    }
}
