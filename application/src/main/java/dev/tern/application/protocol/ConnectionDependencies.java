package dev.tern.application.protocol;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.protocol.handler.ConnectHandler;
import dev.tern.application.protocol.handler.InboundPublishHandler;
import dev.tern.application.service.ConnectService;
import dev.tern.application.service.DeliveryService;
import dev.tern.application.service.SubscribeService;
import java.time.Clock;

/**
 * The broker-wide collaborators every {@link ProtocolConnection} uses, built once. Each is used by
 * the connection itself; none is passed on.
 */
record ConnectionDependencies(
        MqttSettings settings,
        Clock clock,
        ConnectHandler connectHandler,
        ConnectService connectService,
        InboundPublishHandler publishHandler,
        SubscribeService subscribeService,
        DeliveryService deliveryService) {
}
