package dev.tern.application.cluster;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
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
import dev.tern.application.protocol.packet.MqttPacket;
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
import dev.tern.application.service.SessionFactory;
import dev.tern.application.service.SharedSubscriptionPicker;
import dev.tern.application.service.SharedSubscriptionStrategy;
import dev.tern.application.service.StoredSessionLoader;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.service.TrafficMeters;
import dev.tern.application.service.WillService;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.GroupCommit;
import dev.tern.application.storage.Pause;
import dev.tern.application.storage.StorageWriter;
import dev.tern.application.storage.StoreRecorder;
import dev.tern.application.storage.memory.InMemoryStorageTransactions;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.application.testing.RecordingChannel;
import dev.tern.application.testing.RecordingEvents;
import dev.tern.application.port.in.InboundConnection;
import java.util.List;

/**
 * A whole cluster node in a test, wired as a broker's start-up wires one (the lead's bootstrap
 * does the same with real threads): the routing side (local and remote routes, forwarding,
 * retained sync) and the session side (takeover, release, membership, adoption) over one
 * {@link ClusterRig}'s cluster and stores. Executors: one loop for every connection, one for the
 * routing side's cluster work, one for the session side's, one for lease renewals, one storage writer.
 *
 * <p>Threading: single-threaded; for use by one test thread.
 */
final class FullNode implements ClusterRig.Runs {

    final String id;
    final ManualExecutor loop;
    final ManualExecutor routesThread;
    final ManualExecutor sessionsThread;
    final ManualExecutor membershipThread;
    final ManualExecutor storageThread;
    final ClusterBackend backend;
    final SessionRegistry sessions = new SessionRegistry();
    final SubscriptionIndex index;
    final ClusterMembership membership;
    private final RouteSync routeSync;
    final ForwardingReceiver receiver;
    /** Sessions arriving here from other nodes, under whose monitor a received message's routing looks. */
    final HandoverArrivals arrivals;
    private final ProtocolEngine engine;
    private boolean frozen;
    /** While set, the node's route changes wait on its routing thread: the table hears them late. */
    boolean routesHeld;

    FullNode(String id, ClusterRig rig) {
        this.id = id;
        this.loop = new ManualExecutor(rig.clock);
        this.routesThread = new ManualExecutor(rig.clock);
        this.sessionsThread = new ManualExecutor(rig.clock);
        this.membershipThread = new ManualExecutor(rig.clock);
        this.storageThread = new ManualExecutor(rig.clock);
        this.backend = rig.cluster.join(new ClusterJoin(id, ClusterRig.LEASE));
        MqttSettings settings = MqttSettings.defaults();
        Mqtt5Settings v5 = Mqtt5Settings.defaults();
        LimitsSettings limitsSettings = LimitsSettings.defaults();
        LimitCounters limitCounters = new LimitCounters();
        ResourceLimits limits = new ResourceLimits(limitsSettings, limitCounters);
        RecordingEvents events = new RecordingEvents();
        StorageWriter writer = new StorageWriter(new InMemoryStorageTransactions(), storageThread,
                GroupCommit.withoutLinger(100, 1000), Pause.NONE);
        StoreRecorder recorder = new StoreRecorder(writer, rig.sessionStore, rig.subscriptionStore, rig.retainedStore,
                rig.queueStore, rig.inflightStore, true);

        LocalRoutes localRoutes = new LocalRoutes(backend.routes(), routesThread, rig.clock);
        index = new SubscriptionIndex(localRoutes);
        RemoteRoutes remoteRoutes = new RemoteRoutes(id);
        RetainedMessages retained = new RetainedMessages(recorder, limitsSettings, limitCounters, rig.clock,
                new RetainedBroadcast(backend.forwarding()));
        DeliveryService delivery = new DeliveryService(rig.clock, false,
                new DeliveryDrops(new DeliveryCounters(), events, rig.clock), recorder, Authorizer.ALLOW_ALL,
                TrafficMeters.NONE, limitCounters);
        SeenMessageIds seenIds = new SeenMessageIds(SeenMessageIds.DEFAULT_CAPACITY);
        HandoverRelay relay = new HandoverRelay(backend.forwarding(), localRoutes, sessionsThread,
                ClusterRig.HANDOVER_TIMEOUT);
        PublishService publisher = new PublishService(index, retained, sessions, delivery,
                new SharedSubscriptionPicker(SharedSubscriptionStrategy.ROUND_ROBIN), events, rig.clock,
                new ClusterForwarder(id, remoteRoutes, backend.forwarding(), seenIds, rig.clock, relay));
        SubscribeService subscribe = new SubscribeService(index, retained, delivery, Authorizer.ALLOW_ALL, recorder,
                rig.clock, events, limits);
        WillService wills = new WillService(publisher, rig.clock);

        SessionFactory sessionFactory = new SessionFactory(settings, limitsSettings, rig.clock);
        StoredSessionLoader loader = new StoredSessionLoader(rig.sessionStore, rig.subscriptionStore, rig.queueStore,
                rig.inflightStore, sessions, index, recorder, sessionFactory, true);
        ClusterSessions clusterSessions = new ClusterSessions(backend, sessions, subscribe, wills, recorder, writer,
                loader, sessionsThread, ClusterRig.HANDOVER_TIMEOUT, rig.clock, relay);
        SessionEndService sessionEnd = new SessionEndService(sessions, subscribe, publisher, recorder,
                clusterSessions.endHook());
        SessionAttachService sessionAttach = new SessionAttachService(sessions, subscribe, wills, sessionEnd,
                recorder, sessionFactory, rig.clock, events, clusterSessions.gate());
        engine = new ProtocolEngine(settings, v5, rig.clock, Authenticator.ALLOW_ALL, EnhancedAuthenticators.NONE,
                sessionAttach, new InboundPublishHandler(publisher, recorder, Authorizer.ALLOW_ALL, rig.clock,
                        v5.receiveMaximum(), v5.validatePayloadFormat(), TrafficMeters.NONE, limits),
                subscribe, delivery, events, new BrokerCounters(), ConnectionMeters.NONE,
                new RateLimiting(RateLimitPolicy.NONE, () -> rig.clock.millis() * 1_000_000L, RateLimitMeters.NONE),
                limits);

        routeSync = new RouteSync(id, backend.routes(), remoteRoutes, localRoutes, routesThread, rig.clock);
        receiver = new ForwardingReceiver(
                new ForwardedDelivery(publisher, seenIds, sessions, routesThread, rig.clock),
                new RetainedSync(retained, rig.retainedStore, routesThread, rig.clock),
                clusterSessions.signals()::onSignal, () -> { }, clusterSessions.handovers());
        arrivals = clusterSessions.handovers().arrivals();
        membership = clusterSessions.membership(sessionAttach, receiver, loop, membershipThread, ClusterRig.LEASE,
                routeSync::resync, localRoutes::afterPendingChanges);
    }

    /** Routes, then joins (the lease and the first adoption round), then receiving; before any client connects. */
    void start() {
        routeSync.start();
        membership.start();
        sessionsThread.execute(() -> backend.forwarding().receive(receiver));
    }

    /** Dies: stops running and receiving; its lease runs out. */
    void crash() {
        frozen = true;
        backend.close();
    }

    /** The node stops running (a pause): nothing of it runs until {@link #thaw}, but it still receives. */
    void freeze() {
        frozen = true;
    }

    void thaw() {
        frozen = false;
    }

    @Override
    public boolean frozen() {
        return frozen;
    }

    @Override
    public List<ManualExecutor> executors() {
        return routesHeld ? List.of(sessionsThread, membershipThread, loop, storageThread)
                : List.of(sessionsThread, routesThread, membershipThread, loop, storageThread);
    }

    /** A client of this node over its own recording channel; packets it sends run when the rig runs. */
    Client client(ProtocolVersion version) {
        return new Client(version);
    }

    final class Client {
        final RecordingChannel channel = new RecordingChannel(loop);
        final InboundConnection connection = engine.accept(channel);
        private final ProtocolVersion version;

        Client(ProtocolVersion version) {
            this.version = version;
            channel.speaking(version);
            channel.onClose(connection::onClosed);
        }

        Client send(MqttPacket... packets) {
            for (MqttPacket packet : packets) {
                connection.onBytes(PacketEncoder.encode(packet, version));
            }
            return this;
        }

        void drop() {
            channel.close();
        }
    }
}
