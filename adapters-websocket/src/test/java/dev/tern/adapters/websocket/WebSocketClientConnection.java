package dev.tern.adapters.websocket;

import dev.tern.testkit.transport.ClientConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A JDK WebSocket client as raw byte streams for the transport contract: each write is one binary
 * message, and binary messages read back as one stream. It asks the JDK client for the next
 * message only when the test reads and has nothing left, so a test that does not read leaves the
 * socket unread and the server backs up.
 *
 * <p>Threading: the streams are used from the test's thread; the JDK client calls the listener one
 * event at a time on its own threads.
 */
final class WebSocketClientConnection implements ClientConnection, WebSocket.Listener {

    private static final long TIMEOUT_SECONDS = 5;
    /** Marks the end of the stream in the queue: the server closed, or the connection failed. */
    private static final byte[] END = new byte[0];

    private final BlockingQueue<byte[]> arrived = new LinkedBlockingQueue<>();
    private final WebSocket webSocket;
    private final InputStream input = new Input();
    private final OutputStream output = new Output();

    private WebSocketClientConnection(URI uri) throws IOException {
        try {
            webSocket = TestServers.open(uri, this, "mqtt").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while connecting to " + uri);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot connect to " + uri, e);
        }
    }

    static WebSocketClientConnection open(URI uri) throws IOException {
        return new WebSocketClientConnection(uri);
    }

    @Override
    public void onOpen(WebSocket socket) {
        // No request yet: the first read asks for the first message.
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        arrived.add(bytes);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
        arrived.add(END);
        return null;
    }

    @Override
    public void onError(WebSocket socket, Throwable error) {
        arrived.add(END);
    }

    @Override
    public InputStream input() {
        return input;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    /**
     * The close handshake as a well-behaved client does it: send Close, read until the server's
     * Close comes back (the JDK client then ends the TCP connection), and abort if it does not.
     */
    @Override
    public void close() {
        if (webSocket.isInputClosed()) {
            webSocket.abort();
            return;
        }
        if (!webSocket.isOutputClosed()) {
            webSocket.sendClose(WebSocket.NORMAL_CLOSURE, "").orTimeout(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .exceptionally(failed -> null).join();
        }
        webSocket.request(Long.MAX_VALUE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!webSocket.isInputClosed() && System.nanoTime() < deadline) {
            try {
                arrived.poll(10, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        webSocket.abort();
    }

    /** Binary messages as one stream; -1 once the server closed. */
    private final class Input extends InputStream {

        private byte[] current = new byte[0];
        private int position;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == current.length) {
                if (current == END) {
                    return -1;
                }
                current = next();
                position = 0;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, into, offset, n);
            position += n;
            return n;
        }

        private byte[] next() throws IOException {
            byte[] bytes = arrived.poll();
            if (bytes != null) {
                return bytes;
            }
            // One message (or part of one, or the close) per request: demand only what is read.
            webSocket.request(1);
            return take();
        }

        private byte[] take() throws IOException {
            try {
                byte[] bytes = arrived.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                if (bytes == null) {
                    throw new SocketTimeoutException("nothing from the server within " + TIMEOUT_SECONDS + " s");
                }
                return bytes;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading");
            }
        }
    }

    /** Each write one binary message. */
    private final class Output extends OutputStream {

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            ByteBuffer message = ByteBuffer.wrap(Arrays.copyOfRange(bytes, offset, offset + length));
            try {
                webSocket.sendBinary(message, true).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while sending");
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("cannot send", e);
            }
        }
    }
}
