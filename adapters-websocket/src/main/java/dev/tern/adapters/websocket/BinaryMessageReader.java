package dev.tern.adapters.websocket;

import dev.tern.application.port.in.InboundConnection;
import io.undertow.connector.ByteBufferPool;
import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;

/**
 * Streams one binary message, continuation frames included, into {@code onBytes} as its bytes
 * arrive, without waiting for the message to end: the engine reassembles packets itself
 * [MQTT-6.0.0-2], and buffering whole messages would let a client make the broker hold an
 * unbounded message in memory. Once the connection is closing, any message (a text one too) is
 * read to its end and thrown away instead, counted against the channel's drain budget: unread
 * input would turn the close into a reset.
 *
 * <p>Threading: runs on the connection's I/O thread only, as Undertow's read listener.
 */
final class BinaryMessageReader implements ChannelListener<StreamSourceFrameChannel> {

    private static final Logger LOG = LoggerFactory.getLogger(BinaryMessageReader.class);

    private final InboundConnection connection;
    private final UndertowClientChannel client;
    private final ByteBufferPool pool;

    BinaryMessageReader(InboundConnection connection, UndertowClientChannel client, ByteBufferPool pool) {
        this.connection = connection;
        this.client = client;
        this.pool = pool;
    }

    void readFrom(StreamSourceFrameChannel message) {
        handleEvent(message);
    }

    /** Reads what is available now; waits for more as a read listener until the message ends. */
    @Override
    public void handleEvent(StreamSourceFrameChannel message) {
        try (PooledByteBuffer pooled = pool.allocate()) {
            ByteBuffer buffer = pooled.getBuffer();
            while (true) {
                buffer.clear();
                int read = message.read(buffer);
                if (read > 0) {
                    if (!client.closing()) {
                        connection.onBytes(buffer.flip());
                    } else if (!client.discarded(read)) {
                        return;
                    }
                } else if (read == 0) {
                    message.getReadSetter().set(this);
                    message.resumeReads();
                    return;
                } else {
                    message.getReadSetter().set(null);
                    message.close();
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("Connection {} failed while reading: {}; closing it", client.remoteAddress(), e.toString());
            IoUtils.safeClose(message.getWebSocketChannel());
        }
    }
}
