package dev.tern.testkit.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * A plain TCP client, for listeners whose bytes travel unframed over a socket.
 *
 * <p>Threading: used from the test's thread only.
 */
public final class SocketClientConnection implements ClientConnection {

    private static final int TIMEOUT_MILLIS = 5_000;

    private final Socket socket;

    private SocketClientConnection(Socket socket) {
        this.socket = socket;
    }

    public static SocketClientConnection open(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        return new SocketClientConnection(socket);
    }

    @Override
    public OutputStream output() {
        try {
            return socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException("socket already closed", e);
        }
    }

    @Override
    public InputStream input() {
        try {
            return socket.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException("socket already closed", e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
