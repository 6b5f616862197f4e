package dev.tern.adapters.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * A WebSocket client that writes whatever frames (or bytes) a test composes, well-formed or not,
 * after a real opening handshake offering {@code mqtt}. A daemon thread drains what the server
 * sends (pongs, the close frame) so that the server never blocks on a full socket.
 *
 * <p>Threading: one test thread writes; the drain thread only reads.
 */
final class RawWebSocketClient implements AutoCloseable {

    static final int CONTINUATION = 0x0;
    static final int BINARY = 0x2;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** Completes when the server closes the TCP connection (the drain thread reads its end). */
    final CompletableFuture<Void> serverClosed = new CompletableFuture<>();
    /** What the server sent after the handshake; guarded by itself. */
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private final Socket socket;
    private final OutputStream out;

    private RawWebSocketClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    static RawWebSocketClient connect(int port) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        RawWebSocketClient client = new RawWebSocketClient(socket);
        client.write(("GET /mqtt HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: mqtt\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        String response = readHead(socket.getInputStream());
        if (!response.startsWith("HTTP/1.1 101")) {
            socket.close();
            throw new IOException("handshake refused: " + response);
        }
        Thread drain = new Thread(client::drain, "raw-ws-drain");
        drain.setDaemon(true);
        drain.start();
        return client;
    }

    /** One client frame: masked, as RFC 6455 5.3 requires of clients, with the shortest length form. */
    static byte[] frame(int opcode, boolean fin, byte[] payload, int maskKey) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift));
            }
        }
        byte[] mask = {(byte) (maskKey >>> 24), (byte) (maskKey >>> 16), (byte) (maskKey >>> 8), (byte) maskKey};
        frame.write(mask, 0, 4);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length);
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
        out.flush();
    }

    /** Ends what this client sends (TCP FIN) without a close frame. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * The status code of the close frame the server sent, read from its frames (unmasked, RFC
     * 6455 5.1); -1 when it sent none, or one without a code.
     */
    int serverCloseCode() {
        byte[] bytes;
        synchronized (received) {
            bytes = received.toByteArray();
        }
        int i = 0;
        while (i + 2 <= bytes.length) {
            int opcode = bytes[i] & 0x0F;
            long length = bytes[i + 1] & 0x7F;
            int header = 2;
            if (length == 126 || length == 127) {
                int size = length == 126 ? 2 : 8;
                length = 0;
                for (int k = 0; k < size && i + 2 + k < bytes.length; k++) {
                    length = length << 8 | bytes[i + 2 + k] & 0xFF;
                }
                header += size;
            }
            if (opcode == CLOSE && length >= 2 && i + header + 2 <= bytes.length) {
                return (bytes[i + header] & 0xFF) << 8 | bytes[i + header + 1] & 0xFF;
            }
            i += header + (int) Math.min(length, bytes.length);
        }
        return -1;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private void drain() {
        byte[] sink = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            int read;
            while ((read = in.read(sink)) >= 0) {
                synchronized (received) {
                    received.write(sink, 0, read);
                }
            }
            serverClosed.complete(null);
        } catch (IOException e) {
            // This side closed the socket, or it was reset: the server did not close it first.
            serverClosed.completeExceptionally(e);
        }
    }
}
