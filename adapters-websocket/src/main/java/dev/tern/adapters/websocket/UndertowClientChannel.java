package dev.tern.adapters.websocket;

import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.TaskExecutor;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;
import org.xnio.IoUtils;

/**
 * One upgraded WebSocket as the engine's {@link ClientChannel}.
 *
 * <p>Writes are queued; a flush sends everything queued as one binary message, which is allowed
 * because an MQTT receiver reassembles packets from the byte stream however frames cut it
 * [MQTT-6.0.0-2]. Buffers are sent as they are (views, never copies): payloads are shared
 * read-only between many deliveries.
 *
 * <p>Backpressure: bytes count as pending from {@link #write} until Undertow reports them written
 * to the socket. Above the high-water mark the channel turns unwritable, below the low one writable
 * again, and each change reaches the engine through {@code onWritabilityChanged}.
 *
 * <p>{@link #close()} flushes, sends a WebSocket close frame after the last written bytes, and
 * closes the socket once that frame is out, or after {@code closeFlushTimeout} when the peer stops
 * reading.
 *
 * <p>Reading is paused with Undertow's {@code suspendReceives} and resumed with {@code
 * resumeReceives}: frames stay in the socket, and the peer's TCP window closes.
 *
 * <p>Threading: {@link #write}, {@link #flush}, {@link #close}, {@link #pauseReading()}, {@link
 * #resumeReading()} and the package-private callbacks
 * run only on the connection's XNIO I/O thread, the executor; {@link #isWritable()}, {@link
 * #remoteAddress()} and {@link #executor()} from any thread.
 */
final class UndertowClientChannel implements ClientChannel {

    /** RFC 6455 close codes. */
    static final int NORMAL_CLOSURE = 1000;
    static final int UNSUPPORTED_DATA = 1003;

    private final WebSocketChannel channel;
    private final String listenerName;
    private final TaskExecutor executor;
    private final String remoteAddress;
    private final WaterMarks waterMarks;
    private final Duration closeFlushTimeout;
    private final ArrayDeque<ByteBuffer> queued = new ArrayDeque<>();
    private long queuedBytes;
    /** Written by the engine but not yet on the socket: queued here plus handed to Undertow. */
    private long pendingBytes;
    private volatile boolean writable = true;
    private boolean reportedWritable = true;
    private boolean closing;
    private boolean closedReported;
    private InboundConnection connection;

    /** @param listenerName the listener instance's configured name, reported by {@link #listenerName()} */
    UndertowClientChannel(WebSocketChannel channel, String listenerName, String remoteAddress, WaterMarks waterMarks,
                          Duration closeFlushTimeout) {
        this.channel = channel;
        this.listenerName = listenerName;
        this.remoteAddress = remoteAddress;
        this.waterMarks = waterMarks;
        this.closeFlushTimeout = closeFlushTimeout;
        this.executor = new IoThreadTaskExecutor(channel.getIoThread());
    }

    /** Connects the engine's side, once {@code accept} returned it. */
    void attach(InboundConnection inbound) {
        this.connection = inbound;
    }

    @Override
    public void write(ByteBuffer bytes) {
        // After close() or once the peer is gone the bytes can go nowhere; onClosed tells the engine.
        if (closing || !channel.isOpen() || !bytes.hasRemaining()) {
            return;
        }
        // A view, so that sending moves our position, not the shared buffer's.
        ByteBuffer view = bytes.duplicate();
        queued.add(view);
        queuedBytes += view.remaining();
        pendingBytes += view.remaining();
        updateWritability();
    }

    @Override
    public void flush() {
        if (queued.isEmpty()) {
            return;
        }
        ByteBuffer[] message = queued.toArray(new ByteBuffer[0]);
        long size = queuedBytes;
        queued.clear();
        queuedBytes = 0;
        WebSockets.sendBinary(message, channel, new Sent(size));
    }

    @Override
    public void close() {
        close(NORMAL_CLOSURE, "");
    }

    /** Flushes, then ends the connection with a close frame carrying {@code code} and {@code reason}. */
    void close(int code, String reason) {
        if (closing) {
            return;
        }
        closing = true;
        flush();
        // Nothing more to read once the connection is ending.
        channel.suspendReceives();
        TaskExecutor.Cancellable deadline = executor.schedule(
                () -> IoUtils.safeClose(channel), closeFlushTimeout.toMillis());
        WebSockets.sendClose(code, reason, channel, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel ws, Void context) {
                deadline.cancel();
                IoUtils.safeClose(ws);
            }

            @Override
            public void onError(WebSocketChannel ws, Void context, Throwable throwable) {
                deadline.cancel();
                IoUtils.safeClose(ws);
            }
        });
    }

    @Override
    public void pauseReading() {
        channel.suspendReceives();
    }

    /** Not after {@link #close()}: a closing channel stays deaf. */
    @Override
    public void resumeReading() {
        if (!closing) {
            channel.resumeReceives();
        }
    }

    boolean closing() {
        return closing;
    }

    /** The socket closed, by either side: tells the engine, exactly once, on the executor. */
    void reportClosed() {
        if (executor.inExecutorThread()) {
            deliverClosed();
            return;
        }
        try {
            executor.execute(this::deliverClosed);
        } catch (RejectedExecutionException e) {
            // The I/O thread is gone (shutdown); the engine must still learn the connection ended.
            deliverClosed();
        }
    }

    private void deliverClosed() {
        if (closedReported || connection == null) {
            return;
        }
        closedReported = true;
        queued.clear();
        connection.onClosed();
    }

    @Override
    public boolean isWritable() {
        return writable;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public String listenerName() {
        return listenerName;
    }

    @Override
    public TaskExecutor executor() {
        return executor;
    }

    @Override
    public String toString() {
        return "websocket:" + remoteAddress;
    }

    private void updateWritability() {
        boolean next = writable ? !waterMarks.aboveHigh(pendingBytes) : waterMarks.belowLow(pendingBytes);
        if (next != writable) {
            writable = next;
            // Reported in a task of its own: the change may happen inside the engine's own write
            // call, which should not be re-entered.
            executor.execute(this::reportWritability);
        }
    }

    private void reportWritability() {
        boolean now = writable;
        if (now != reportedWritable && connection != null && !closedReported) {
            reportedWritable = now;
            connection.onWritabilityChanged(now);
        }
    }

    /** Undertow's answer for one flushed message: on the socket, or failed. Runs on the I/O thread. */
    private final class Sent implements WebSocketCallback<Void> {

        private final long size;

        Sent(long size) {
            this.size = size;
        }

        @Override
        public void complete(WebSocketChannel ws, Void context) {
            pendingBytes -= size;
            updateWritability();
        }

        @Override
        public void onError(WebSocketChannel ws, Void context, Throwable throwable) {
            pendingBytes -= size;
            IoUtils.safeClose(ws);
        }
    }
}
