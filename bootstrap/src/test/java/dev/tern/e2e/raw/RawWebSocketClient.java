package dev.tern.e2e.raw;

import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A byte-level MQTT client over {@code ws://127.0.0.1:port/mqtt} (subprotocol {@code mqtt}), on the
 * JDK's WebSocket client: it sends exactly the bytes a test gives it, one binary message per send,
 * and cuts what the server sends into packets, whatever the frames. It tells the server's close
 * frame apart from a failure of the connection (a reset), which is what graceful closing is about.
 *
 * <p>Threading: one test thread drives it; the JDK's listener thread only fills the inbound queue.
 */
public final class RawWebSocketClient implements AutoCloseable {

    /** What the listener saw: message bytes, the server's close frame, or a failure. */
    private sealed interface Inbound permits Data, Closed, Failed {
    }

    private record Data(byte[] bytes) implements Inbound {
    }

    private record Closed(int statusCode) implements Inbound {
    }

    private record Failed(Throwable error) implements Inbound {
    }

    /** One client for every connection: each of its own would start threads of its own. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Inbound> inbound;
    private final WebSocket socket;
    private final InboundBytes bytes;

    private RawWebSocketClient(WebSocket socket, BlockingQueue<Inbound> inbound) {
        this.socket = socket;
        this.inbound = inbound;
        this.bytes = new InboundBytes();
    }

    public static RawWebSocketClient connect(int port) {
        BlockingQueue<Inbound> inbound = new LinkedBlockingQueue<>();
        WebSocket socket = HTTP.newWebSocketBuilder()
                .subprotocols("mqtt")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/mqtt"), new QueueingListener(inbound))
                .join();
        return new RawWebSocketClient(socket, inbound);
    }

    /** Sends {@code packet} as one binary message and waits until it is handed to the socket. */
    public RawWebSocketClient send(byte[] packet) throws IOException {
        try {
            socket.sendBinary(ByteBuffer.wrap(packet), true).join();
        } catch (CompletionException e) {
            throw new IOException("sending failed: " + e.getCause(), e.getCause());
        }
        return this;
    }

    /** Reads one whole packet; fails on a time out, the server's close or a failed connection. */
    public ReceivedPacket readPacket(Duration timeout) throws IOException {
        bytes.deadline = System.nanoTime() + timeout.toNanos();
        return PacketStream.read(bytes);
    }

    /**
     * Waits for the server's close frame, discarding data before it, and answers it as a client
     * completes the closing handshake; returns its status code. Throws when the connection fails
     * instead (a reset): that can destroy what the server sent before the client read it.
     */
    public int awaitCloseFrame(Duration timeout) throws IOException {
        bytes.deadline = System.nanoTime() + timeout.toNanos();
        while (bytes.read() >= 0) {
            // Data the server sent before closing: not what this waits for.
        }
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(alreadyGone -> null);
        return bytes.closeStatus;
    }

    @Override
    public void close() {
        socket.abort();
    }

    /** The server's message bytes as one stream, ending at its close frame. */
    private final class InboundBytes extends InputStream {

        private long deadline;
        private ByteBuffer current = ByteBuffer.allocate(0);
        private int closeStatus = -1;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            while (!current.hasRemaining()) {
                if (closeStatus >= 0) {
                    return -1;
                }
                Inbound next = next();
                if (next instanceof Data data) {
                    current = ByteBuffer.wrap(data.bytes());
                } else if (next instanceof Closed closed) {
                    closeStatus = closed.statusCode();
                } else {
                    Throwable error = ((Failed) next).error();
                    throw new IOException("WebSocket failed: " + error, error);
                }
            }
            int count = Math.min(length, current.remaining());
            current.get(target, offset, count);
            return count;
        }

        private Inbound next() throws IOException {
            try {
                Inbound next = inbound.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (next == null) {
                    throw new SocketTimeoutException("nothing from the server in time");
                }
                return next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    /** Copies what arrives into the queue, asking for one message at a time. */
    private record QueueingListener(BlockingQueue<Inbound> inbound) implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] copy = new byte[data.remaining()];
            data.get(copy);
            inbound.add(new Data(copy));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            inbound.add(new Closed(statusCode));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            inbound.add(new Failed(error));
        }
    }
}
