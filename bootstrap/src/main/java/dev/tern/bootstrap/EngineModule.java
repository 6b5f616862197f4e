package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.event.BrokerEvents;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.protocol.ConnectionMeters;
import dev.tern.application.protocol.ProtocolEngine;
import dev.tern.application.protocol.handler.InboundPublishHandler;
import dev.tern.application.protocol.limit.RateLimitMeters;
import dev.tern.application.protocol.limit.RateLimiting;
import dev.tern.application.retained.RetainedChanges;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.service.BrokerCounters;
import dev.tern.application.service.ConnectGate;
import dev.tern.application.service.MessageForwarder;
import dev.tern.application.service.SessionEndHook;
import dev.tern.application.service.SessionFactory;
import dev.tern.application.service.SessionAttachService;
import dev.tern.application.service.DeliveryCounters;
import dev.tern.application.service.DeliveryDrops;
import dev.tern.application.service.DeliveryService;
import dev.tern.application.service.PublishService;
import dev.tern.application.service.SessionEndService;
import dev.tern.application.service.SharedSubscriptionPicker;
import dev.tern.application.service.SharedSubscriptionStrategy;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.service.TrafficMeters;
import dev.tern.application.service.WillService;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.sys.BrokerStatistics;
import dev.tern.application.storage.StateRecorder;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.Mqtt5Config;
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
                mqtt.maxQueuedMessages(), policy, mqtt.queueQos0ForOffline());
    }

    @Provides
    @Singleton
    static Mqtt5Settings mqtt5Settings(BrokerConfig config) {
        Mqtt5Config v5 = config.mqtt5();
        return new Mqtt5Settings(v5.receiveMaximum(), v5.topicAliasMaximum(), v5.maxKeepAlive(),
                v5.maxSessionExpiry(), v5.outboundTopicAliases(), v5.validatePayloadFormat(),
                v5.responseInformation().orElse(null), v5.serverReference().orElse(null), v5.serverMoved());
    }

    @Provides
    @Singleton
    static SessionRegistry sessionRegistry() {
        return new SessionRegistry();
    }

    @Provides
    @Singleton
    static SubscriptionIndex subscriptionIndex(SubscriptionIndex.Listener listener) {
        return new SubscriptionIndex(listener);
    }

    @Provides
    @Singleton
    static RetainedMessages retainedMessages(StateRecorder recorder, LimitsSettings limits, LimitCounters counters,
            Clock clock, RetainedChanges changes) {
        return new RetainedMessages(recorder, limits, counters, clock, changes);
    }

    @Provides
    @Singleton
    static BrokerCounters brokerCounters() {
        return new BrokerCounters();
    }

    @Provides
    @Singleton
    static DeliveryCounters deliveryCounters(MetricsRegistry metrics) {
        DeliveryCounters counters = new DeliveryCounters();
        counters.register(metrics);
        return counters;
    }

    @Provides
    @Singleton
    static TrafficMeters trafficMeters(MetricsRegistry metrics) {
        return new TrafficMeters(metrics);
    }

    @Provides
    @Singleton
    static ConnectionMeters connectionMeters(MetricsRegistry metrics) {
        return new ConnectionMeters(metrics);
    }

    @Provides
    @Singleton
    static DeliveryService deliveryService(Clock clock, MqttSettings settings, DeliveryCounters counters,
            StateRecorder recorder, Authorizer authorizer, BrokerEvents events, TrafficMeters traffic,
            LimitCounters limits) {
        return new DeliveryService(clock, settings.queueQos0WhileOffline(), new DeliveryDrops(counters, events, clock),
                recorder, authorizer, traffic, limits);
    }

    @Provides
    @Singleton
    static PublishService publishService(BrokerConfig config, SubscriptionIndex index, RetainedMessages retained,
            SessionRegistry sessions, DeliveryService delivery, BrokerEvents events, Clock clock,
            MessageForwarder forwarder) {
        SharedSubscriptionStrategy strategy = switch (config.mqtt5().sharedStrategy()) {
            case ROUND_ROBIN -> SharedSubscriptionStrategy.ROUND_ROBIN;
            case RANDOM -> SharedSubscriptionStrategy.RANDOM;
            case STICKY -> SharedSubscriptionStrategy.STICKY;
        };
        return new PublishService(index, retained, sessions, delivery, new SharedSubscriptionPicker(strategy), events,
                clock, forwarder);
    }

    @Provides
    @Singleton
    static SubscribeService subscribeService(SubscriptionIndex index, RetainedMessages retained,
            DeliveryService delivery, Authorizer authorizer, StateRecorder recorder, Clock clock, BrokerEvents events,
            ResourceLimits limits) {
        return new SubscribeService(index, retained, delivery, authorizer, recorder, clock, events, limits);
    }

    @Provides
    @Singleton
    static WillService willService(PublishService publisher, Clock clock) {
        return new WillService(publisher, clock);
    }

    @Provides
    @Singleton
    static SessionFactory sessionFactory(MqttSettings settings, LimitsSettings limits, Clock clock) {
        return new SessionFactory(settings, limits, clock);
    }

    @Provides
    @Singleton
    static SessionAttachService sessionAttachService(SessionRegistry sessions, SubscribeService subscriptions,
            WillService wills, SessionEndService sessionEnd, StateRecorder recorder, SessionFactory sessionFactory,
            Clock clock, BrokerEvents events, ConnectGate gate) {
        return new SessionAttachService(sessions, subscriptions, wills, sessionEnd, recorder, sessionFactory, clock,
                events, gate);
    }

    @Provides
    @Singleton
    static SessionEndService sessionEndService(SessionRegistry sessions, SubscribeService subscriptions,
            PublishService publisher, StateRecorder recorder, SessionEndHook hook) {
        return new SessionEndService(sessions, subscriptions, publisher, recorder, hook);
    }

    /** Buckets refill from the monotonic clock: wall-clock steps must not grant or withhold tokens. */
    @Provides
    @Singleton
    static RateLimiting rateLimiting(BrokerConfig config, MetricsRegistry metrics) {
        return new RateLimiting(config.rateLimit().policy(), System::nanoTime, new RateLimitMeters(metrics));
    }

    @Provides
    @Singleton
    static ProtocolEngine protocolEngine(MqttSettings settings, Mqtt5Settings v5, Clock clock,
            Authenticator authenticator, Authorizer authorizer, EnhancedAuthenticators authenticators,
            SessionAttachService sessionAttachService, PublishService publisher, SubscribeService subscribeService,
            DeliveryService deliveryService, StateRecorder recorder, BrokerEvents events, BrokerCounters counters,
            TrafficMeters traffic, ConnectionMeters connectionMeters, RateLimiting rateLimiting,
            ResourceLimits limits) {
        return new ProtocolEngine(settings, v5, clock, authenticator, authenticators, sessionAttachService,
                new InboundPublishHandler(publisher, recorder, authorizer, clock, v5.receiveMaximum(),
                        v5.validatePayloadFormat(), traffic, limits),
                subscribeService, deliveryService, events, counters, connectionMeters, rateLimiting, limits);
    }

    @Provides
    @Singleton
    static BrokerStatistics statistics(BrokerCounters counters, DeliveryCounters drops, SessionRegistry sessions,
            RetainedMessages retained, SubscriptionIndex index) {
        return BrokerStatistics.of(counters, drops, sessions, retained, index);
    }

    @Provides
    static ConnectionAcceptor connectionAcceptor(ProtocolEngine engine) {
        return engine;
    }
}
