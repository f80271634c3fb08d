package dev.rehearse.target.ssh;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSchException;
import dev.rehearse.target.shell.Transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * A login bash on a remote PTY, over one channel of an SSH connection: the byte pipe the session protocol
 * runs over. The channel asks for a PTY of the session's TERM and size and runs {@code exec bash --login}
 * rather than the user's login shell: the protocol speaks bash, and that shell need not be bash. Closing the
 * channel hangs up the remote terminal, which sends SIGHUP to the shell and the job in its foreground.
 */
final class SshShellTransport implements Transport {
    private final SshConnection connection;
    private final ChannelExec channel;
    private final InputStream output;
    private final OutputStream input;

    private SshShellTransport(SshConnection connection, ChannelExec channel, InputStream output, OutputStream input) {
        this.connection = connection;
        this.channel = channel;
        this.output = output;
        this.input = input;
    }

    static SshShellTransport start(SshConnection connection, String term, int columns, int rows) {
        ChannelExec channel = (ChannelExec) connection.openChannel("exec");
        channel.setCommand("exec bash --login");
        channel.setPty(true);
        channel.setPtyType(term, columns, rows, 0, 0);
        try {
            InputStream output = channel.getInputStream();
            OutputStream input = channel.getOutputStream();
            channel.connect(SshConnection.CONNECT_TIMEOUT_MS);
            return new SshShellTransport(connection, channel, output, input);
        } catch (IOException | JSchException e) {
            channel.disconnect();
            throw connection.lost("starting a login shell", e);
        }
    }

    @Override
    public InputStream output() {
        return output;
    }

    @Override
    public OutputStream input() {
        return input;
    }

    @Override
    public void resize(int columns, int rows) {
        channel.setPtySize(columns, rows, 0, 0);
    }

    @Override
    public boolean isOpen() {
        return channel.isConnected() && !channel.isClosed();
    }

    /**
     * The shell's own end when it sent an exit status (the connection lives on), else the connection's loss.
     */
    @Override
    public String endReason() {
        if (channel.getExitStatus() >= 0 && connection.isConnected()) {
            return "the remote shell ended with exit status " + channel.getExitStatus();
        }
        if (connection.lostWithin(Duration.ofSeconds(2))) {
            return "connection to " + connection.address().endpoint() + " lost: " + connection.dropCause();
        }
        return "the remote shell's channel closed";
    }

    @Override
    public void close() {
        channel.disconnect();
    }
}
