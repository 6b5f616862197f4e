package dev.tern.application.port.out;

import java.nio.ByteBuffer;

/**
 * A transport's connection as the engine sees it: bytes out, close, writability.
 *
 * <p>Threading: {@link #write}, {@link #flush} and {@link #close} are called only on {@link
 * #executor()}; {@link #isWritable()} and {@link #remoteAddress()} from any thread.
 */
public interface ClientChannel {

    /**
     * Queues bytes for sending without flushing. The transport takes ownership of {@code bytes}:
     * it may copy them or hold on to them until they are sent, but must not change their content
     * (payload buffers are read-only views shared between deliveries).
     */
    void write(ByteBuffer bytes);

    /** Sends what was written. The engine flushes once per batch of work, not per packet. */
    void flush();

    /** Flushes what was written, then closes the connection. {@code onClosed} follows. */
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

    /** The single thread that owns this connection. */
    TaskExecutor executor();
}
