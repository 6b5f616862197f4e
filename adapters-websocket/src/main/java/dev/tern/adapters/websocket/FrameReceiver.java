package dev.tern.adapters.websocket;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.in.InboundConnection;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.CloseMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Receives the messages of one WebSocket: binary ones stream into the engine, a text one ends the
 * connection [MQTT-6.0.0-1]. Pings, pongs and the closing handshake keep Undertow's handling.
 * Invalid frames that Undertow 2.4.4 would stall on close the connection with 1002 instead.
 *
 * <p>Threading: Undertow calls it on the connection's I/O thread only; its close-frame deadline
 * runs there too, as a task of the connection's executor.
 */
final class FrameReceiver extends AbstractReceiveListener {

    private static final Logger LOG = LoggerFactory.getLogger(FrameReceiver.class);

    private final InboundConnection connection;
    private final UndertowClientChannel client;
    private final LogThrottle unreadableLog;
    private final Duration closeFrameTime;

    /**
     * @param unreadableLog the listener's throttle for the "invalid frame" line, shared by its connections
     * @param closeFrameTime how long a close frame may take to arrive once its header did
     */
    FrameReceiver(InboundConnection connection, UndertowClientChannel client, LogThrottle unreadableLog,
                  Duration closeFrameTime) {
        this.connection = connection;
        this.client = client;
        this.unreadableLog = unreadableLog;
        this.closeFrameTime = closeFrameTime;
    }

    /**
     * Undertow 2.4.4 throws from its receive on some invalid frames, e.g. a 64-bit payload length
     * with its most significant bit set (RFC 6455 5.2 requires it clear) or a huge one: the
     * exception escaped to XNIO's logger with a stack trace and the connection stalled, never
     * closed by itself (WebSocketFramingFuzzTest finding). Such input is a protocol error of the
     * client: the connection is closed with 1002 and one throttled line logged.
     */
    @Override
    public void handleEvent(WebSocketChannel channel) {
        try {
            super.handleEvent(channel);
        } catch (RuntimeException e) {
            if (!client.closing()) {
                logUnreadable(e.toString());
            }
            client.abort(UndertowClientChannel.PROTOCOL_ERROR, "invalid frame");
        }
    }

    private void logUnreadable(String what) {
        LogThrottle.Admitted admitted = unreadableLog.admit();
        if (admitted == null) {
            return;
        }
        if (admitted.hasUnlogged()) {
            LOG.warn("Connection {} sent an invalid WebSocket frame ({}); closing it; {} more such since {}",
                    client.remoteAddress(), what, admitted.count(), admitted.since());
        } else {
            LOG.warn("Connection {} sent an invalid WebSocket frame ({}); closing it", client.remoteAddress(), what);
        }
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

    /**
     * Undertow 2.4.4 never tells a close frame it has begun reading that the input ended: a client
     * that sent a close frame's header and then only part of its payload, or closed its side there,
     * left the connection stalled (WebSocketFramingFuzzTest finding). A peer that began closing gets
     * {@code closeFrameTime} to finish its close frame; after that the connection is closed with
     * 1002.
     */
    @Override
    protected void onClose(WebSocketChannel channel, StreamSourceFrameChannel message) throws IOException {
        super.onClose(channel, message);
        if (!client.closing()) {
            client.executor().schedule(() -> closeFrameDue(channel), closeFrameTime.toMillis());
        }
    }

    private void closeFrameDue(WebSocketChannel channel) {
        if (!client.closing() && channel.isOpen()) {
            logUnreadable("a close frame that did not end within " + closeFrameTime.toMillis() + " ms");
            client.abort(UndertowClientChannel.PROTOCOL_ERROR, "incomplete close frame");
        }
    }

    /**
     * RFC 6455 5.5.1: once close frames went both ways, the server closes the TCP connection at
     * once. Undertow's own reply to a close frame leaves that to the client, so a client that sent
     * one and kept its socket open held the connection, and the engine's session, until the socket
     * died (found by WebSocketFramingFuzzTest). The reply echoes the client's code when it may be
     * sent, and goes out after what the engine already wrote.
     */
    @Override
    protected void onCloseMessage(CloseMessage message, WebSocketChannel channel) {
        int code = CloseMessage.isValid(message.getCode()) ? message.getCode() : UndertowClientChannel.NORMAL_CLOSURE;
        client.close(code, "");
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
