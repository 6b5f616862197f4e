package dev.tern.adapters.websocket;

import dev.tern.application.port.in.InboundConnection;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Receives the messages of one WebSocket: binary ones stream into the engine, a text one ends the
 * connection [MQTT-6.0.0-1]. Pings, pongs and the closing handshake keep Undertow's handling.
 *
 * <p>Threading: Undertow calls it on the connection's I/O thread only.
 */
final class FrameReceiver extends AbstractReceiveListener {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReceiver.class);

    private final InboundConnection connection;
    private final UndertowClientChannel client;

    FrameReceiver(InboundConnection connection, UndertowClientChannel client) {
        this.connection = connection;
        this.client = client;
    }

    @Override
    protected void onBinary(WebSocketChannel channel, StreamSourceFrameChannel message) {
        new BinaryMessageReader(connection, client, channel.getBufferPool()).readFrom(message);
    }

    /**
     * [MQTT-6.0.0-1] MQTT control packets travel in binary frames; any other data frame closes. The
     * message is then read to its end and discarded, as everything is once the connection is closing.
     */
    @Override
    protected void onText(WebSocketChannel channel, StreamSourceFrameChannel message) {
        if (!client.closing()) {
            LOG.debug("Connection {} sent a text frame; closing it", client.remoteAddress());
            client.close(UndertowClientChannel.UNSUPPORTED_DATA, "MQTT needs binary frames");
        }
        new BinaryMessageReader(connection, client, channel.getBufferPool()).readFrom(message);
    }

    @Override
    protected void onError(WebSocketChannel channel, Throwable error) {
        if (error instanceof IOException) {
            LOG.debug("Connection {} failed: {}; closing it", client.remoteAddress(), error.toString());
        } else {
            LOG.warn("Unexpected failure on connection {}; closing it", client.remoteAddress(), error);
        }
        IoUtils.safeClose(channel);
    }
}
