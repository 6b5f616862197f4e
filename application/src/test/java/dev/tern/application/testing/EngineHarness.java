package dev.tern.application.testing;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.protocol.ConnectionMeters;
import dev.tern.application.protocol.ProtocolEngine;
import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.handler.InboundPublishHandler;
import dev.tern.application.overload.PublisherThrottle;
import dev.tern.application.protocol.limit.RateLimitMeters;
import dev.tern.application.protocol.limit.RateLimitPolicy;
import dev.tern.application.protocol.limit.RateLimiting;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.service.BrokerCounters;
import dev.tern.application.service.ConnectGate;
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
import dev.tern.application.storage.NoRecorder;
import dev.tern.application.storage.StateRecorder;
import java.util.function.Function;

/**
 * The whole protocol engine with real services, driven by hand: one {@link ManualExecutor} plays
 * every event loop, {@link RecordingChannel}s play the sockets, and {@link #events} records every
 * broker event.
 *
 * <p>Threading: single-threaded; for use by one test thread.
 */
public final class EngineHarness {

    public final ManualClock clock;
    public final ManualExecutor loop;
    public final SessionRegistry sessions = new SessionRegistry();
    public final SubscriptionIndex index = new SubscriptionIndex();
    public final RetainedMessages retained;
    public final DeliveryCounters counters = new DeliveryCounters();
    public final BrokerCounters traffic = new BrokerCounters();
    public final RecordingEvents events = new RecordingEvents();
    public final LimitCounters limitCounters = new LimitCounters();
    /** The message and byte meters (tern_messages_sent and the like), by name and tags. */
    public final RecordingRegistry meters = new RecordingRegistry();
    private final TrafficMeters trafficMeters = new TrafficMeters(meters);
    public final SessionAttachService sessionAttach;
    public final PublishService publisher;
    public final SubscribeService subscribe;
    public final SessionEndService sessionEnd;
    public final WillService wills;
    private final ProtocolEngine engine;

    /**
     * What a cluster node adds to the services (docs/cluster.md), made from the harness's
     * services that exist before the session services need it.
     */
    public interface NodeWiring {
        ConnectGate gate();

        SessionEndHook endHook();
    }

    public EngineHarness(MqttSettings settings, Mqtt5Settings v5, EnhancedAuthenticators authenticators,
            StateRecorder recorder) {
        this(settings, v5, LimitsSettings.defaults(), authenticators, recorder, RateLimitPolicy.NONE);
    }

    /** With rate limits: the buckets refill from {@link #clock}, in whole milliseconds. */
    public EngineHarness(MqttSettings settings, Mqtt5Settings v5, EnhancedAuthenticators authenticators,
            StateRecorder recorder, RateLimitPolicy rateLimits) {
        this(settings, v5, LimitsSettings.defaults(), authenticators, recorder, rateLimits);
    }

    public EngineHarness(MqttSettings settings, Mqtt5Settings v5, LimitsSettings limitsSettings,
            EnhancedAuthenticators authenticators, StateRecorder recorder) {
        this(settings, v5, limitsSettings, authenticators, recorder, RateLimitPolicy.NONE);
    }

    private EngineHarness(MqttSettings settings, Mqtt5Settings v5, LimitsSettings limitsSettings,
            EnhancedAuthenticators authenticators, StateRecorder recorder, RateLimitPolicy rateLimits) {
        this(settings, v5, limitsSettings, authenticators, recorder, rateLimits, new ManualClock(1_000_000), null);
    }

    /**
     * A cluster node over {@code recorder}'s stores on a clock the test shares between nodes;
     * {@code node} is asked for its wiring once the services it may use (sessions, index, publisher,
     * subscriptions, wills) exist.
     */
    public EngineHarness(ManualClock clock, StateRecorder recorder, Function<EngineHarness, NodeWiring> node) {
        this(MqttSettings.defaults(), Mqtt5Settings.defaults(), LimitsSettings.defaults(), EnhancedAuthenticators.NONE,
                recorder, RateLimitPolicy.NONE, clock, node);
    }

    private EngineHarness(MqttSettings settings, Mqtt5Settings v5, LimitsSettings limitsSettings,
            EnhancedAuthenticators authenticators, StateRecorder recorder, RateLimitPolicy rateLimits,
            ManualClock clock, Function<EngineHarness, NodeWiring> node) {
        this.clock = clock;
        this.loop = new ManualExecutor(clock);
        ResourceLimits limits = new ResourceLimits(limitsSettings, limitCounters);
        retained = new RetainedMessages(recorder, limitsSettings, limitCounters, clock);
        DeliveryService delivery = new DeliveryService(clock, settings.queueQos0WhileOffline(),
                new DeliveryDrops(counters, events, clock), recorder, Authorizer.ALLOW_ALL, trafficMeters,
                limitCounters);
        publisher = new PublishService(index, retained, sessions, delivery,
                new SharedSubscriptionPicker(SharedSubscriptionStrategy.ROUND_ROBIN), events, clock);
        subscribe = new SubscribeService(index, retained, delivery, Authorizer.ALLOW_ALL, recorder,
                clock, events, limits);
        wills = new WillService(publisher, clock);
        NodeWiring wiring = node == null ? null : node.apply(this);
        sessionEnd = new SessionEndService(sessions, subscribe, publisher, recorder,
                wiring == null ? SessionEndHook.NONE : wiring.endHook());
        sessionAttach = new SessionAttachService(sessions, subscribe, wills, sessionEnd, recorder,
                new SessionFactory(settings, limitsSettings, clock), clock, events,
                wiring == null ? ConnectGate.LOCAL : wiring.gate());
        engine = new ProtocolEngine(settings, v5, clock, Authenticator.ALLOW_ALL, authenticators, sessionAttach,
                new InboundPublishHandler(publisher, recorder, Authorizer.ALLOW_ALL, clock, v5.receiveMaximum(),
                        v5.validatePayloadFormat(), trafficMeters, limits),
                subscribe, delivery, events, traffic, ConnectionMeters.NONE,
                new RateLimiting(rateLimits, () -> clock.millis() * 1_000_000L, RateLimitMeters.NONE), limits);
    }

    public EngineHarness(MqttSettings settings, Mqtt5Settings v5, EnhancedAuthenticators authenticators) {
        this(settings, v5, authenticators, NoRecorder.INSTANCE);
    }

    public EngineHarness(LimitsSettings limits) {
        this(MqttSettings.defaults(), Mqtt5Settings.defaults(), limits, EnhancedAuthenticators.NONE,
                NoRecorder.INSTANCE);
    }

    public EngineHarness(MqttSettings settings) {
        this(settings, Mqtt5Settings.defaults(), EnhancedAuthenticators.NONE);
    }

    public EngineHarness() {
        this(MqttSettings.defaults());
    }

    public EngineHarness(RateLimitPolicy rateLimits) {
        this(MqttSettings.defaults(), Mqtt5Settings.defaults(), EnhancedAuthenticators.NONE, NoRecorder.INSTANCE,
                rateLimits);
    }

    /** Overload protection's hold on the engine's connections. */
    public PublisherThrottle publisherThrottle() {
        return engine.publisherThrottle();
    }

    /** The broker is stopping: every open connection is told and closed. */
    public void shutdown() {
        engine.shutdown();
        loop.runPending();
    }

    /** A client speaking one protocol version over its own recording channel. */
    public final class Client {
        public final RecordingChannel channel = new RecordingChannel(loop);
        public final InboundConnection connection = engine.accept(channel);
        private final ProtocolVersion version;

        Client(ProtocolVersion version) {
            this.version = version;
            channel.speaking(version);
            channel.onClose(connection::onClosed);
        }

        public Client send(MqttPacket... packets) {
            for (MqttPacket packet : packets) {
                connection.onBytes(PacketEncoder.encode(packet, version));
            }
            loop.runPending();
            return this;
        }

        public Client connect(String clientId, boolean cleanStart, int keepAliveSeconds) {
            return send(new Connect(version, cleanStart, keepAliveSeconds, clientId, null, null, null, Properties.EMPTY));
        }

        /** The network closed the connection. */
        public void drop() {
            channel.close();
            loop.runPending();
        }
    }

    public Client client(ProtocolVersion version) {
        return new Client(version);
    }

    public Client client() {
        return client(ProtocolVersion.MQTT_3_1_1);
    }
}
