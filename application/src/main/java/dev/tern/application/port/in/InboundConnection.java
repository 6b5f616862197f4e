package dev.tern.application.port.in;

import java.nio.ByteBuffer;

/**
 * The engine's side of one network connection, as a transport drives it.
 *
 * <p>Threading: every method is called on the connection's own executor ({@code
 * ClientChannel.executor()}), one call at a time, never concurrently.
 */
public interface InboundConnection {

    /**
     * Bytes read from the network, in order. The engine consumes what it can before returning and
     * keeps any incomplete packet itself, so the transport may reuse {@code bytes} afterwards.
     */
    void onBytes(ByteBuffer bytes);

    /** The channel's writability changed; the engine resumes queued deliveries when writable again. */
    void onWritabilityChanged(boolean writable);

    /** The connection is closed, by either side; called exactly once. */
    void onClosed();
}
