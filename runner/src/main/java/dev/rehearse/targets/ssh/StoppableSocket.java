package dev.rehearse.targets.ssh;

import com.jcraft.jsch.SocketFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * The socket of one ssh connection, made here rather than by JSch so that a stop can close it from another thread.
 * JSch's connect (the TCP connection, the version lines, the key exchange, the login) waits on its socket, up to the
 * connect timeout for each read, and for ever on a host that keeps sending lines before its version; its
 * {@code Session.disconnect()} does nothing before the TCP connection is up. Closing the socket ends every one of
 * these waits at once, and those of the channels opened on the connection after it.
 */
final class StoppableSocket implements SocketFactory {
    private final Socket socket = new Socket();
    private volatile boolean cut;

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        // an unknown host fails here as JSch's own socket did: an UnknownHostException, which the connection names
        socket.connect(new InetSocketAddress(host, port), SshConnection.CONNECT_TIMEOUT_MS);
        return socket;
    }

    @Override
    public InputStream getInputStream(Socket socket) throws IOException {
        return socket.getInputStream();
    }

    @Override
    public OutputStream getOutputStream(Socket socket) throws IOException {
        return socket.getOutputStream();
    }

    /** Closes the socket, connected or still connecting, from any thread. */
    void cut() {
        cut = true;
        try {
            socket.close();
        } catch (IOException e) {
            // closed all the same: nothing more to do with it
        }
    }

    /** whether {@link #cut()} closed it: what failed on it then failed because of that */
    boolean wasCut() {
        return cut;
    }
}
