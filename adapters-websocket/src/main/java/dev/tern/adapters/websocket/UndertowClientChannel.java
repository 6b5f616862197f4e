package dev.tern.adapters.websocket;

import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.CloseLimits;
import dev.tern.application.port.out.TaskExecutor;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
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
 * <p>{@link #close()} flushes and sends a WebSocket close frame after the last written bytes;
 * Undertow half-closes the output once that frame is out. The socket is closed hard if that takes
 * longer than the flush timeout of {@link CloseLimits} (a peer that stops reading). Otherwise the
 * engine is told the connection is over, and what the peer still sends is read and discarded
 * ({@link #discarded}) until its close frame or end of stream closes the socket, or the drain time
 * or byte budget runs out: closing with unread input would make the kernel reset the connection,
 * which can destroy the last packet before the peer reads it. {@link #abort} is the close for input
 * Undertow cannot parse: no drain, TCP closes once the close frame is out.
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
    static final int PROTOCOL_ERROR = 1002;
    static final int UNSUPPORTED_DATA = 1003;

    private final WebSocketChannel channel;
    private final String listenerName;
    private final TaskExecutor executor;
    private final String remoteAddress;
    private final WaterMarks waterMarks;
    private final CloseLimits closeLimits;
    private final ArrayDeque<ByteBuffer> queued = new ArrayDeque<>();
    private long queuedBytes;
    /** Written by the engine but not yet on the socket: queued here plus handed to Undertow. */
    private long pendingBytes;
    private volatile boolean writable = true;
    private boolean reportedWritable = true;
    private boolean closing;
    /** Bytes the peer may still send once closing before the socket is closed anyway. */
    private long drainBudget;
    private boolean closedReported;
    private InboundConnection connection;

    /** @param listenerName the listener instance's configured name, reported by {@link #listenerName()} */
    UndertowClientChannel(WebSocketChannel channel, String listenerName, String remoteAddress, WaterMarks waterMarks,
                          CloseLimits closeLimits) {
        this.channel = channel;
        this.listenerName = listenerName;
        this.remoteAddress = remoteAddress;
        this.waterMarks = waterMarks;
        this.closeLimits = closeLimits;
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
        drainBudget = closeLimits.drainBytes();
        // Reading may have been paused (a rate limit): the drain must read, to discard.
        channel.resumeReceives();
        flush();
        sendClose(code, reason, this::drain);
    }

    /**
     * Ends a connection whose input can no longer be read (Undertow's frame parsing failed on it):
     * stops receiving, flushes, sends a close frame with {@code code} and closes TCP once it is
     * out, without the drain of {@link #close(int, String)}, which would only meet the same input
     * again. Closes TCP at once when a close was already under way.
     */
    void abort(int code, String reason) {
        if (closing) {
            IoUtils.safeClose(channel);
            return;
        }
        closing = true;
        channel.suspendReceives();
        flush();
        sendClose(code, reason, () -> IoUtils.safeClose(channel));
    }

    /**
     * Sends the close frame after what is queued, then runs {@code sent}; closes the socket hard if
     * sending fails or takes longer than the flush timeout.
     */
    private void sendClose(int code, String reason, Runnable sent) {
        TaskExecutor.Cancellable deadline = executor.schedule(
                () -> IoUtils.safeClose(channel), closeLimits.flushTimeout().toMillis());
        WebSockets.sendClose(code, reason, channel, new WebSocketCallback<Void>() {
            @Override
            public void complete(WebSocketChannel ws, Void context) {
                deadline.cancel();
                sent.run();
            }

            @Override
            public void onError(WebSocketChannel ws, Void context, Throwable throwable) {
                deadline.cancel();
                IoUtils.safeClose(ws);
            }
        });
    }

    /**
     * The close frame is out and the output shut: the engine may forget the connection, while
     * receives go on, discarded, until the peer's close frame or end of stream closes the socket.
     */
    private void drain() {
        executor.schedule(() -> IoUtils.safeClose(channel), closeLimits.drainTime().toMillis());
        try {
            // A task of its own: this may run inside the engine's own close() call.
            executor.execute(this::deliverClosed);
        } catch (RejectedExecutionException e) {
            // The I/O thread is stopping; the socket's close task reports the close instead.
        }
    }

    /** Not after {@link #close()}: a closing channel reads on, to discard what arrives. */
    @Override
    public void pauseReading() {
        if (!closing) {
            channel.suspendReceives();
        }
    }

    /** Not after {@link #close()}, which has resumed reading itself. */
    @Override
    public void resumeReading() {
        if (!closing) {
            channel.resumeReceives();
        }
    }

    /** True once the engine has closed the connection: what the peer still sends is not for it. */
    boolean closing() {
        return closing;
    }

    /**
     * Counts {@code bytes} the peer sent after the close began, which were thrown away; closes the
     * socket once more than the budget arrived. False when it did.
     */
    boolean discarded(int bytes) {
        drainBudget -= bytes;
        if (drainBudget < 0) {
            IoUtils.safeClose(channel);
            return false;
        }
        return true;
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
