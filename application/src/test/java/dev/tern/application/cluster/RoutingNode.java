package dev.tern.application.cluster;

import dev.tern.application.cluster.memory.InMemoryCluster;
import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.in.InboundConnection;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.protocol.ConnectionMeters;
import dev.tern.application.protocol.ProtocolEngine;
import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.handler.InboundPublishHandler;
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
import dev.tern.application.service.DeliveryCounters;
import dev.tern.application.service.DeliveryDrops;
import dev.tern.application.service.DeliveryService;
import dev.tern.application.service.PublishService;
import dev.tern.application.service.SessionAttachService;
import dev.tern.application.service.SessionEndService;
import dev.tern.application.service.SharedSubscriptionPicker;
import dev.tern.application.service.SharedSubscriptionStrategy;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.service.TrafficMeters;
import dev.tern.application.service.WillService;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.GroupCommit;
import dev.tern.application.storage.Pause;
import dev.tern.application.storage.StorageWriter;
import dev.tern.application.storage.StoreRecorder;
import dev.tern.application.storage.memory.InMemoryStorageTransactions;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.application.testing.RecordingChannel;
import dev.tern.application.testing.RecordingEvents;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One node of a cluster in a test: the whole protocol engine wired with the cluster routing
 * parts over one {@link InMemoryCluster}, writing to stores all nodes share (as Redis is shared)
 * with acknowledgement after commit. One {@link ManualExecutor} plays every
 * event loop of the node, another its cluster executor.
 *
 * <p>Threading: single-threaded; for use by one test thread.
 */
final class RoutingNode {

    final String id;
    final ManualExecutor loop;
    final ManualExecutor clusterLoop;
    /** The storage writer's thread: commits happen when it runs. */
    final ManualExecutor storageLoop;
    final SessionRegistry sessions = new SessionRegistry();
    final ClusterBackend backend;
    final LocalRoutes localRoutes;
    final RemoteRoutes remoteRoutes;
    final SubscriptionIndex index;
    final RetainedMessages retained;
    final PublishService publisher;
    final DeliveryCounters counters = new DeliveryCounters();
    final RouteSync routeSync;
    final ForwardingReceiver receiver;
    private final ProtocolEngine engine;

    /** {@code forwarding} may wrap the backend's, to hold or fail durable sends. */
    RoutingNode(String id, InMemoryCluster cluster, SharedStores stores, ManualClock clock,
            UnaryOperator<MessageForwarding> forwardingWrapper) {
        this.id = id;
        this.loop = new ManualExecutor(clock);
        this.clusterLoop = new ManualExecutor(clock);
        this.storageLoop = new ManualExecutor(clock);
        this.backend = cluster.join(new ClusterJoin(id, Duration.ofSeconds(5)));
        MessageForwarding forwarding = forwardingWrapper.apply(backend.forwarding());
        LimitCounters limitCounters = new LimitCounters();
        LimitsSettings limitsSettings = LimitsSettings.defaults();
        ResourceLimits limits = new ResourceLimits(limitsSettings, limitCounters);
        RecordingEvents events = new RecordingEvents();
        StoreRecorder recorder = new StoreRecorder(new StorageWriter(new InMemoryStorageTransactions(), storageLoop,
                GroupCommit.withoutLinger(100, 1000), Pause.NONE), stores.sessions, stores.subscriptions,
                stores.retained, stores.queues, stores.inflight, true);

        localRoutes = new LocalRoutes(backend.routes(), clusterLoop, clock);
        index = new SubscriptionIndex(localRoutes);
        remoteRoutes = new RemoteRoutes(id);
        retained = new RetainedMessages(recorder, limitsSettings, limitCounters, clock, new RetainedBroadcast(forwarding));
        DeliveryService delivery = new DeliveryService(clock, false, new DeliveryDrops(counters, events, clock),
                recorder, Authorizer.ALLOW_ALL, TrafficMeters.NONE, limitCounters);
        SeenMessageIds seenIds = new SeenMessageIds(SeenMessageIds.DEFAULT_CAPACITY);
        // No session side here: nothing is ever handed over, so nothing is relayed.
        ClusterSessions.Handovers handovers = new ClusterSessions.Handovers(
                new HandoverRelay(forwarding, SubscriptionIndex.Listener.NONE, clusterLoop, Duration.ZERO),
                new HandoverArrivals(clusterLoop, Duration.ZERO));
        publisher = new PublishService(index, retained, sessions, delivery,
                new SharedSubscriptionPicker(SharedSubscriptionStrategy.ROUND_ROBIN), events, clock,
                new ClusterForwarder(id, remoteRoutes, forwarding, seenIds, clock, handovers.relay()));
        SubscribeService subscribe = new SubscribeService(index, retained, delivery, Authorizer.ALLOW_ALL, recorder,
                clock, events, limits);
        MqttSettings settings = MqttSettings.defaults();
        SessionAttachService sessionAttach = new SessionAttachService(sessions, subscribe,
                new WillService(publisher, clock), new SessionEndService(sessions, subscribe, publisher, recorder),
                recorder, settings, limitsSettings, clock, events);
        Mqtt5Settings v5 = Mqtt5Settings.defaults();
        engine = new ProtocolEngine(settings, v5, clock, Authenticator.ALLOW_ALL, EnhancedAuthenticators.NONE,
                sessionAttach, new InboundPublishHandler(publisher, recorder, Authorizer.ALLOW_ALL, clock,
                        v5.receiveMaximum(), v5.validatePayloadFormat(), TrafficMeters.NONE, limits),
                subscribe, delivery, events, new BrokerCounters(), ConnectionMeters.NONE,
                new RateLimiting(RateLimitPolicy.NONE, () -> clock.millis() * 1_000_000L, RateLimitMeters.NONE), limits);

        routeSync = new RouteSync(id, backend.routes(), remoteRoutes, localRoutes, clusterLoop, clock);
        receiver = new ForwardingReceiver(
                new ForwardedDelivery(publisher, seenIds, sessions, clusterLoop, clock),
                new RetainedSync(retained, stores.retained, clusterLoop, clock), signal -> { }, () -> { }, handovers);
    }

    /** Joins: the lease, then routes (listen, snapshot), then receiving. */
    RoutingNode start() {
        backend.leases().renew();
        routeSync.start();
        backend.forwarding().receive(receiver);
        return this;
    }

    /** Runs what is queued on this node's threads; true if anything ran. */
    boolean runPending() {
        boolean ran = loop.hasPending() || clusterLoop.hasPending() || storageLoop.hasPending();
        loop.runPending();
        clusterLoop.runPending();
        storageLoop.runPending();
        return ran;
    }

    static Payload payload(String body) {
        return Payload.wrap(body.getBytes(StandardCharsets.UTF_8));
    }

    static String body(Publish publish) {
        return new String(publish.payload().toByteArray(), StandardCharsets.UTF_8);
    }

    /** A client of this node speaking MQTT 5 over its own recording channel. */
    Client client() {
        return new Client();
    }

    final class Client {
        final RecordingChannel channel = new RecordingChannel(loop);
        final InboundConnection connection = engine.accept(channel);
        private int packetId;

        Client() {
            channel.speaking(ProtocolVersion.MQTT_5);
            channel.onClose(connection::onClosed);
        }

        /** Sends packets; the test then lets the whole cluster run ({@link RoutingCluster#settle}). */
        Client send(MqttPacket... packets) {
            for (MqttPacket packet : packets) {
                connection.onBytes(PacketEncoder.encode(packet, ProtocolVersion.MQTT_5));
            }
            return this;
        }

        Client connect(String clientId, boolean cleanStart, Properties properties) {
            return send(new Connect(ProtocolVersion.MQTT_5, cleanStart, 0, clientId, null, null, null, properties));
        }

        Client connect(String clientId) {
            return connect(clientId, true, Properties.EMPTY);
        }

        /** Connects with a persistent session of {@code expirySeconds}. */
        Client connectPersistent(String clientId, boolean cleanStart, int expirySeconds) {
            return connect(clientId, cleanStart,
                    Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, expirySeconds).build());
        }

        Client subscribe(String filter, Qos qos) {
            return send(new Subscribe(nextPacketId(), List.of(TopicSubscription.of(filter, qos)), Properties.EMPTY));
        }

        Client subscribe(TopicSubscription subscription, int subscriptionId) {
            return send(new Subscribe(nextPacketId(), List.of(subscription),
                    Properties.builder().integer(PropertyId.SUBSCRIPTION_IDENTIFIER, subscriptionId).build()));
        }

        Client unsubscribe(String filter) {
            return send(new Unsubscribe(nextPacketId(), List.of(filter), Properties.EMPTY));
        }

        Client publish(String topic, Qos qos, String body) {
            return send(new Publish(false, qos, false, topic, qos == Qos.AT_MOST_ONCE ? 0 : nextPacketId(),
                    Properties.EMPTY, payload(body)));
        }

        /** The packets sent to this client since the last call. */
        List<MqttPacket> sent() {
            return channel.takeSent();
        }

        /** The PUBLISH packets among those sent since the last call. */
        List<Publish> received() {
            return sent().stream().filter(Publish.class::isInstance).map(Publish.class::cast).toList();
        }

        private int nextPacketId() {
            return ++packetId;
        }

        void drop() {
            channel.close();
        }
    }
}
