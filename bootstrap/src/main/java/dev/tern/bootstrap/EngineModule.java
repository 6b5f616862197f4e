package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.protocol.ProtocolEngine;
import dev.tern.application.protocol.handler.ConnectHandler;
import dev.tern.application.protocol.handler.InboundPublishHandler;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.service.ConnectService;
import dev.tern.application.service.DeliveryCounters;
import dev.tern.application.service.DeliveryService;
import dev.tern.application.service.PublishService;
import dev.tern.application.service.SharedSubscriptionPicker;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.service.WillService;
import dev.tern.application.session.SessionRegistry;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.MqttConfig;
import dev.tern.bootstrap.config.QueueOverflow;
import dev.tern.domain.delivery.OverflowPolicy;
import java.time.Clock;
import javax.inject.Singleton;

/** The protocol engine and its services: one instance of each per broker. */
@Module
interface EngineModule {

    @Provides
    @Singleton
    static MqttSettings mqttSettings(BrokerConfig config) {
        MqttConfig mqtt = config.mqtt();
        OverflowPolicy policy = mqtt.queueOverflow() == QueueOverflow.DROP_OLDEST
                ? OverflowPolicy.DROP_OLDEST : OverflowPolicy.REFUSE_NEWEST;
        return new MqttSettings(mqtt.connectTimeout().toMillis(), mqtt.maxPacketSize(), mqtt.maxInflight(),
                Math.max(1, mqtt.maxQueuedMessages()), policy, mqtt.queueQos0ForOffline());
    }

    @Provides
    @Singleton
    static SessionRegistry sessionRegistry() {
        return new SessionRegistry();
    }

    @Provides
    @Singleton
    static SubscriptionIndex subscriptionIndex() {
        return new SubscriptionIndex();
    }

    @Provides
    @Singleton
    static RetainedMessages retainedMessages() {
        return new RetainedMessages();
    }

    @Provides
    @Singleton
    static DeliveryCounters deliveryCounters() {
        return new DeliveryCounters();
    }

    @Provides
    @Singleton
    static DeliveryService deliveryService(Clock clock, MqttSettings settings, DeliveryCounters counters) {
        return new DeliveryService(clock, settings.queueQos0WhileOffline(), counters);
    }

    @Provides
    @Singleton
    static PublishService publishService(SubscriptionIndex index, RetainedMessages retained,
            SessionRegistry sessions, DeliveryService delivery) {
        return new PublishService(index, retained, sessions, delivery, new SharedSubscriptionPicker());
    }

    @Provides
    @Singleton
    static SubscribeService subscribeService(SubscriptionIndex index, RetainedMessages retained,
            DeliveryService delivery, Clock clock) {
        return new SubscribeService(index, retained, delivery, clock);
    }

    @Provides
    @Singleton
    static ConnectService connectService(SessionRegistry sessions, SubscribeService subscriptions,
            PublishService publisher, MqttSettings settings) {
        return new ConnectService(sessions, subscriptions, new WillService(publisher), settings);
    }

    @Provides
    @Singleton
    static ConnectionAcceptor protocolEngine(MqttSettings settings, Clock clock, ConnectService connectService,
            PublishService publisher, SubscribeService subscribeService, DeliveryService deliveryService) {
        return new ProtocolEngine(settings, clock, new ConnectHandler(), connectService,
                new InboundPublishHandler(publisher, clock), subscribeService, deliveryService);
    }
}
