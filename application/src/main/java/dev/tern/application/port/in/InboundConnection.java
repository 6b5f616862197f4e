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

    /**
     * The connection is over, called exactly once: the peer closed it or it failed, or the engine
     * closed it and its last bytes are out. In that last case the socket may linger while the
     * transport discards what the peer still sends (see {@code ClientChannel.close}).
     */
    void onClosed();
}
