package dev.tern.application.protocol;

import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.event.BrokerEvents;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.protocol.limit.RateLimiting;
import dev.tern.application.service.BrokerCounters;
import dev.tern.application.protocol.handler.InboundPublishHandler;
import dev.tern.application.service.SessionAttachService;
import dev.tern.application.service.DeliveryService;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.protocol.codec.CodecContexts;
import java.time.Clock;

/**
 * The broker-wide collaborators of every {@link ProtocolConnection}, built once: a parameter object
 * for the per-connection engine, each of whose parts the connection (or its dispatcher) uses itself.
 */
record ConnectionDependencies(
        MqttSettings settings,
        Mqtt5Settings v5,
        Clock clock,
        ConnectFlow connectFlow,
        EnhancedAuthenticators authenticators,
        SessionAttachService sessionAttachService,
        InboundPublishHandler publishHandler,
        SubscribeService subscribeService,
        DeliveryService deliveryService,
        BrokerEvents events,
        BrokerCounters counters,
        ConnectionMeters meters,
        RateLimiting rateLimiting,
        CloseLog closeLog,
        KeepAliveWheels keepAliveWheels,
        CodecContexts codecContexts) {
}
