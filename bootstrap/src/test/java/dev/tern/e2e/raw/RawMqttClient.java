package dev.tern.e2e.raw;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * A byte-level MQTT client over a plain socket: it sends exactly what a test gives it and decodes
 * what the server sends back, so that tests can misbehave in ways no real client library allows.
 *
 * <p>Threading: not thread-safe; one test thread drives it.
 */
public final class RawMqttClient implements AutoCloseable {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Socket socket;
    private final PushbackInputStream in;
    private final OutputStream out;

    private RawMqttClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new PushbackInputStream(socket.getInputStream(), 1);
        this.out = socket.getOutputStream();
    }

    public static RawMqttClient connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawMqttClient(socket);
    }

    /** Opens a socket and sends a clean 3.1.1 CONNECT, asserting that it is accepted. */
    public static RawMqttClient connected(int port, String clientId) throws IOException {
        return connected(port, ConnectPacket.v311(clientId));
    }

    public static RawMqttClient connected(int port, ConnectPacket connect) throws IOException {
        RawMqttClient client = connect(port);
        client.send(connect.toBytes());
        ReceivedConnack connack = client.readPacket().connack();
        if (connack.returnCode() != 0) {
            client.close();
            throw new AssertionError("CONNECT refused with return code " + connack.returnCode());
        }
        return client;
    }

    public RawMqttClient send(byte... bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends values 0..255 given as ints, which reads better than byte casts in fixtures. */
    public RawMqttClient send(int... values) throws IOException {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return send(bytes);
    }

    /** Sends bytes written as hex, spaces allowed: {@code "30 05 00 01 61 68 69"}. */
    public RawMqttClient sendHex(String hex) throws IOException {
        return send(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    /** Reads exactly {@code count} bytes or fails with the time out or end of stream. */
    public byte[] readBytes(int count, Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
        return PacketStream.readBytes(in, count);
    }

    public ReceivedPacket readPacket() throws IOException {
        return readPacket(DEFAULT_TIMEOUT);
    }

    /** Reads one whole packet: fixed header, remaining length, body. */
    public ReceivedPacket readPacket(Duration timeout) throws IOException {
        socket.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
        return PacketStream.read(in);
    }

    /**
     * True when nothing arrives within {@code quiet}; false if a byte arrives, which stays unread
     * for the next {@link #readPacket}. Proves an absence, so keep {@code quiet} as short as the
     * claim allows.
     */
    public boolean receivesNothingWithin(Duration quiet) throws IOException {
        socket.setSoTimeout(Math.toIntExact(quiet.toMillis()));
        try {
            int b = in.read();
            if (b < 0) {
                throw new IOException("server closed the connection");
            }
            in.unread(b);
            return false;
        } catch (SocketTimeoutException quietEnough) {
            return true;
        }
    }

    /**
     * Waits until the server closes the connection (end of stream or reset), discarding anything
     * it sends first. False when the socket is still open at the deadline.
     */
    public boolean awaitClosed(Duration timeout) throws IOException {
        try {
            return awaitEndOfStream(timeout);
        } catch (SocketException reset) {
            return true;
        }
    }

    /**
     * Waits for the server's end of stream, a graceful close, discarding anything it sends first.
     * A reset is not one: it throws, since a reset may destroy packets the server sent before the
     * client could read them. False when the socket is still open at the deadline.
     */
    public boolean awaitEndOfStream(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] sink = new byte[4096];
        while (true) {
            long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout(Math.toIntExact(left));
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException stillOpen) {
                return false;
            }
        }
    }

    /**
     * Stops sending without DISCONNECT (a half-close), as a client whose network went away. Unlike
     * {@link #close()} it leaves the socket readable, so {@link #awaitClosed} can tell when the
     * server has seen the client go.
     */
    public void stopSending() throws IOException {
        socket.shutdownOutput();
    }

    /** Closes the socket without DISCONNECT, as a crashed client would. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
