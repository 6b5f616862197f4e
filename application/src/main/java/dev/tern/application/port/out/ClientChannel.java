package dev.tern.application.port.out;

import dev.tern.domain.message.Payload;
import java.nio.ByteBuffer;

/**
 * A transport's connection as the engine sees it: bytes out, close, writability, and pausing input.
 *
 * <p>Threading: {@link #write}, {@link #flush}, {@link #close}, {@link #pauseReading()} and {@link
 * #resumeReading()} are called only on {@link #executor()}; {@link #isWritable()}, {@link
 * #remoteAddress()} and {@link #listenerName()} from any thread.
 */
public interface ClientChannel {

    /**
     * Queues bytes for sending without flushing. The transport takes ownership of {@code bytes}:
     * it may copy them or hold on to them until they are sent, but must not change their content
     * (payload buffers are read-only views shared between deliveries).
     */
    void write(ByteBuffer bytes);

    /**
     * Queues bytes that are shared: the same buffer object goes to other connections, on this
     * thread, after this call (one encoded QoS 0 PUBLISH for every subscriber of a fan-out). So the
     * transport must not move its position or limit either; one that keeps or consumes the buffer
     * must keep a {@link ByteBuffer#duplicate() duplicate}, which is what this default does. A
     * transport that copies the bytes at once overrides it and spares that object per delivery.
     */
    default void writeShared(ByteBuffer bytes) {
        write(bytes.duplicate());
    }

    /**
     * Queues a PUBLISH's payload, after its header. The same payload object goes to every
     * subscriber of the message, so a transport that must copy the bytes into memory of its own
     * before sending them (a native socket writes from off-heap memory) may copy each payload once
     * and send that copy to every connection it serves, instead of copying it per delivery. This
     * default writes a read-only view of the bytes, as {@link #write} would.
     */
    default void writePayload(Payload payload) {
        write(payload.asReadOnlyBuffer());
    }

    /** Sends what was written. The engine flushes once per batch of work, not per packet. */
    void flush();

    /**
     * Flushes what was written, then closes the connection. {@code onClosed} follows. Nothing the
     * peer sends from now on reaches {@code onBytes}. The close must be graceful: a socket closed
     * while the peer's bytes are still arriving is reset by the kernel, which can destroy the last
     * packet (a DISCONNECT with its reason) before the peer reads it; so transports half-close their
     * output after the last byte and discard input for a bounded time before closing.
     */
    void close();

    /** False while the transport's outbound buffer is above its high-water mark. */
    boolean isWritable();

    /** For logs: {@code host:port} of the peer. */
    String remoteAddress();

    /**
     * The identity (common name) of the client's verified TLS certificate, or null when the
     * transport has none; {@code use-identity-as-username} lets it stand for the user name.
     */
    default String certificateIdentity() {
        return null;
    }

    /**
     * The configured instance name of the listener this connection came through ({@code tcp},
     * {@code tls-partners}, ...), as the transport's {@code ListenerProvider.create} received it:
     * the {@code listener} label of the connection meters. It must name a configured instance,
     * never something a client sent or an address, so that the labels stay a small fixed set; and
     * it must not change during the connection. Read from any thread.
     *
     * <p>A default so that transports written before it keep compiling: they report
     * {@code "unknown"}. Transports should override it.
     */
    default String listenerName() {
        return "unknown";
    }

    /**
     * Stops reading from the peer until {@link #resumeReading()}: back-pressure for a client over its
     * rate limit, or for every publisher while the broker is overloaded. Bytes already read may
     * still arrive; the peer's sends then block on its full socket buffer. Calls come in pairs, never
     * twice in a row the same way.
     *
     * <p>A default that does nothing, so that transports written before it keep compiling; their
     * clients are then never slowed down this way (refusing over a limit still works). Transports
     * should override both methods.
     */
    default void pauseReading() {
    }

    /** Reads from the peer again after {@link #pauseReading()}. */
    default void resumeReading() {
    }

    /** The single thread that owns this connection. */
    TaskExecutor executor();
}
