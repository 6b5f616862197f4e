package dev.tern.application.protocol;

import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.event.BrokerEvents;
import dev.tern.application.overload.PublisherThrottle;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.protocol.handler.ConnectNegotiator;
import dev.tern.application.protocol.handler.InboundPublishHandler;
import dev.tern.application.protocol.limit.RateLimiting;
import dev.tern.application.service.BrokerCounters;
import dev.tern.application.service.SessionAttachService;
import dev.tern.application.service.DeliveryService;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.protocol.codec.CodecContexts;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The protocol engine's entry point for transports: one {@link ProtocolConnection} per network
 * connection, whatever carries the bytes. Knows its open connections, so that a shutdown can tell
 * each client (MQTT 5: DISCONNECT 0x8B).
 *
 * <p>Threading: thread-safe; {@link #accept} may be called from any transport thread.
 */
public final class ProtocolEngine implements ConnectionAcceptor {

    private final ConnectionDependencies dependencies;
    private final Set<ProtocolConnection> open = ConcurrentHashMap.newKeySet();
    /** One for every connection, rather than a method reference made per connection. */
    private final Consumer<ProtocolConnection> forget = open::remove;
    private final HeaviestPublishersFirst publisherThrottle = new HeaviestPublishersFirst(open);

    /**
     * @param counters counts packets, bytes and connected clients for the {@code $SYS} topics
     * @param meters   counts connections and refused connects for the metrics registry
     * @param limits   the client id and will topic bounds checked at CONNECT
     * @param rateLimiting each client's inbound rate limit
     */
    public ProtocolEngine(MqttSettings settings, Mqtt5Settings v5, Clock clock, Authenticator authenticator,
            EnhancedAuthenticators authenticators, SessionAttachService sessionAttachService,
            InboundPublishHandler publishHandler, SubscribeService subscribeService, DeliveryService deliveryService,
            BrokerEvents events, BrokerCounters counters, ConnectionMeters meters, RateLimiting rateLimiting,
            ResourceLimits limits) {
        ConnectFlow connectFlow = new ConnectFlow(new ConnectNegotiator(settings, v5, limits), authenticator,
                authenticators);
        this.dependencies = new ConnectionDependencies(settings, v5, clock, connectFlow, authenticators,
                sessionAttachService, publishHandler, subscribeService, deliveryService, events, counters, meters,
                rateLimiting, new CloseLog(clock), new KeepAliveWheels(clock),
                new CodecContexts(settings.maxPacketSize()));
    }

    @Override
    public InboundConnection accept(ClientChannel channel) {
        ProtocolConnection connection = new ProtocolConnection(channel, dependencies, forget);
        open.add(connection);
        connection.start();
        return connection;
    }

    /** Tells every open connection that the server is shutting down, then closes it. */
    public void shutdown() {
        for (ProtocolConnection connection : open) {
            connection.serverShuttingDown();
        }
    }

    /** Overload protection's hold on the connections' reading. */
    public PublisherThrottle publisherThrottle() {
        return publisherThrottle;
    }

    public int openConnections() {
        return open.size();
    }
}
