package dev.tern.adapters.websocket;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.CloseLimits;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.IoUtils;

/**
 * Hands each upgraded WebSocket to the engine and wires its frames, its close and its membership
 * in the server's set of open channels.
 *
 * <p>Threading: Undertow calls {@link #onConnect} on the new connection's I/O thread, which from
 * then on is the engine's executor for it.
 */
final class ConnectionCallback implements WebSocketConnectionCallback {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionCallback.class);
    private static final String FORWARDED_FOR = "X-Forwarded-For";
    /** As the other per-connection warnings: one line a minute, with a count of the ones left out. */
    private static final Duration UNREADABLE_LOG_INTERVAL = Duration.ofMinutes(1);

    private final String listenerName;
    private final ConnectionAcceptor acceptor;
    private final WebSocketListenerConfig config;
    private final WaterMarks waterMarks;
    private final CloseLimits closeLimits;
    private final Set<WebSocketChannel> openChannels;
    private final LogThrottle unreadableLog;

    /**
     * @param listenerName the listener instance's name, which each connection reports
     * @param openChannels thread-safe; the server closes what is left in it when it stops
     */
    ConnectionCallback(String listenerName, ConnectionAcceptor acceptor, WebSocketListenerConfig config,
                       CloseLimits closeLimits, Set<WebSocketChannel> openChannels) {
        this.listenerName = listenerName;
        this.acceptor = acceptor;
        this.config = config;
        this.waterMarks = new WaterMarks(config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark());
        this.closeLimits = closeLimits;
        this.openChannels = openChannels;
        // Only spaces log lines: the adapter's wall clock is enough, no engine time is involved.
        this.unreadableLog = new LogThrottle(Clock.systemUTC(), UNREADABLE_LOG_INTERVAL);
    }

    @Override
    public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
        String remote = PeerAddress.describe(channel.getSourceAddress(),
                exchange.getRequestHeader(FORWARDED_FOR), config.trustForwardedFor());
        UndertowClientChannel client = new UndertowClientChannel(channel, listenerName, remote, waterMarks,
                closeLimits);
        InboundConnection connection;
        try {
            connection = acceptor.accept(client);
        } catch (RuntimeException e) {
            LOG.warn("Engine refused connection {}; closing it", remote, e);
            IoUtils.safeClose(channel);
            return;
        }
        client.attach(connection);
        openChannels.add(channel);
        channel.addCloseTask(closed -> {
            openChannels.remove(closed);
            LOG.debug("Connection {} closed", remote);
            client.reportClosed();
        });
        channel.getReceiveSetter().set(new FrameReceiver(connection, client, unreadableLog,
                closeLimits.drainTime()));
        channel.resumeReceives();
        LOG.debug("Connection {} accepted ({}, subprotocol {})", remote, config.scheme(), channel.getSubProtocol());
    }
}
