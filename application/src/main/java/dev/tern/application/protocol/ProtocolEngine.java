package dev.tern.application.protocol;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.ClientChannel;
import dev.tern.application.protocol.handler.ConnectHandler;
import dev.tern.application.protocol.handler.InboundPublishHandler;
import dev.tern.application.service.ConnectService;
import dev.tern.application.service.DeliveryService;
import dev.tern.application.service.SubscribeService;
import java.time.Clock;

/**
 * The protocol engine's entry point for transports: one {@link ProtocolConnection} per network
 * connection, whatever carries the bytes.
 *
 * <p>Threading: thread-safe; {@link #accept} may be called from any transport thread.
 */
public final class ProtocolEngine implements ConnectionAcceptor {

    private final ConnectionDependencies dependencies;

    public ProtocolEngine(MqttSettings settings, Clock clock, ConnectHandler connectHandler,
            ConnectService connectService, InboundPublishHandler publishHandler,
            SubscribeService subscribeService, DeliveryService deliveryService) {
        this.dependencies = new ConnectionDependencies(settings, clock, connectHandler, connectService,
                publishHandler, subscribeService, deliveryService);
    }

    @Override
    public InboundConnection accept(ClientChannel channel) {
        ProtocolConnection connection = new ProtocolConnection(channel, dependencies);
        connection.start();
        return connection;
    }
}
