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

    /**
     * The bytes still missing from the packet the engine is in the middle of reading (its fixed
     * header has arrived), 0 between packets. A transport that bounds what it reads from one
     * connection per turn, to be fair to its others, may read past that bound to complete such a
     * packet: nothing can be done with its first bytes until the last has arrived. Asked after
     * {@link #onBytes}, on the same thread. A default of 0 so that engines written before it keep
     * compiling.
     */
    default int bytesAwaited() {
        return 0;
    }

    /** The channel's writability changed; the engine resumes queued deliveries when writable again. */
    void onWritabilityChanged(boolean writable);

    /**
     * The connection is over, called exactly once: the peer closed it or it failed, or the engine
     * closed it and its last bytes are out. In that last case the socket may linger while the
     * transport discards what the peer still sends (see {@code ClientChannel.close}).
     */
    void onClosed();
}
