package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.tern.application.cluster.ClusterForwarder;
import dev.tern.application.cluster.ClusterSessions;
import dev.tern.application.cluster.ForwardMeters;
import dev.tern.application.cluster.ForwardedDelivery;
import dev.tern.application.cluster.ForwardingReceiver;
import dev.tern.application.cluster.HandoverRelay;
import dev.tern.application.cluster.LocalRoutes;
import dev.tern.application.cluster.RemoteRoutes;
import dev.tern.application.cluster.RetainedBroadcast;
import dev.tern.application.cluster.RetainedSync;
import dev.tern.application.cluster.RouteSync;
import dev.tern.application.cluster.SeenMessageIds;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.Storage;
import dev.tern.application.retained.RetainedChanges;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.service.ConnectGate;
import dev.tern.application.service.MessageForwarder;
import dev.tern.application.service.PublishService;
import dev.tern.application.service.SessionAttachService;
import dev.tern.application.service.SessionEndHook;
import dev.tern.application.service.StoredSessionLoader;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.service.WillService;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StateRecorder;
import dev.tern.application.storage.StorageWriter;
import dev.tern.bootstrap.config.BrokerConfig;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * The cluster side of the engine (docs/cluster.md), built only when a {@link ClusterBackend} was
 * joined; otherwise every hook the engine takes is its single-node one ({@code NONE},
 * {@code LOCAL}), at no cost.
 */
@Module
interface ClusterModule {

    @Provides
    @Singleton
    static Optional<ClusterThreads> clusterThreads(Optional<ClusterBackend> backend) {
        return backend.map(b -> ClusterThreads.start());
    }

    @Provides
    @Singleton
    static Optional<LocalRoutes> localRoutes(Optional<ClusterBackend> backend, Optional<ClusterThreads> threads,
            Clock clock) {
        return backend.map(b -> new LocalRoutes(b.routes(), threads.orElseThrow().routing(), clock));
    }

    @Provides
    @Singleton
    static SubscriptionIndex.Listener indexListener(Optional<LocalRoutes> localRoutes) {
        return localRoutes.<SubscriptionIndex.Listener>map(routes -> routes).orElse(SubscriptionIndex.Listener.NONE);
    }

    @Provides
    @Singleton
    static Optional<RemoteRoutes> remoteRoutes(Optional<ClusterBackend> backend) {
        return backend.map(b -> new RemoteRoutes(b.nodeId()));
    }

    @Provides
    @Singleton
    static MessageForwarder forwarder(Optional<ClusterBackend> backend, Optional<RemoteRoutes> remoteRoutes,
            Optional<SeenMessageIds> seenIds, Optional<HandoverRelay> relay, Clock clock, MetricsRegistry metrics) {
        return backend.<MessageForwarder>map(b -> new ClusterForwarder(b.nodeId(), remoteRoutes.orElseThrow(),
                b.forwarding(), seenIds.orElseThrow(), clock, new ForwardMeters(metrics), relay.orElseThrow()))
                .orElse(MessageForwarder.NONE);
    }

    /** What reaches this node for a session it just handed over goes on to the new owner, for the handover timeout. */
    @Provides
    @Singleton
    static Optional<HandoverRelay> handoverRelay(Optional<ClusterBackend> backend, Optional<LocalRoutes> localRoutes,
            Optional<ClusterThreads> threads, BrokerConfig config) {
        return backend.map(b -> new HandoverRelay(b.forwarding(), localRoutes.orElseThrow(),
                threads.orElseThrow().sessions(), config.cluster().handoverTimeout()));
    }

    /** The forwarded ids this node sent and received, one memory for the forwarder and the receiver. */
    @Provides
    @Singleton
    static Optional<SeenMessageIds> seenIds(Optional<ClusterBackend> backend) {
        return backend.map(b -> new SeenMessageIds(SeenMessageIds.DEFAULT_CAPACITY));
    }

    @Provides
    @Singleton
    static RetainedChanges retainedChanges(Optional<ClusterBackend> backend) {
        return backend.<RetainedChanges>map(b -> new RetainedBroadcast(b.forwarding())).orElse(RetainedChanges.NONE);
    }

    @Provides
    @Singleton
    static Optional<ClusterSessions> clusterSessions(Optional<ClusterBackend> backend, BrokerConfig config,
            SessionRegistry sessions, SubscribeService subscribe, WillService wills, StateRecorder recorder,
            Optional<StorageWriter> writer, StoredSessionLoader loader, Optional<ClusterThreads> threads,
            Optional<HandoverRelay> relay, Clock clock) {
        return backend.map(b -> new ClusterSessions(b, sessions, subscribe, wills, recorder,
                writer.orElseThrow(() -> new IllegalStateException("a cluster needs a durable store")), loader,
                threads.orElseThrow().sessions(), config.cluster().handoverTimeout(), clock, relay.orElseThrow()));
    }

    @Provides
    @Singleton
    static ConnectGate connectGate(Optional<ClusterSessions> clusterSessions) {
        return clusterSessions.map(ClusterSessions::gate).orElse(ConnectGate.LOCAL);
    }

    @Provides
    @Singleton
    static SessionEndHook sessionEndHook(Optional<ClusterSessions> clusterSessions) {
        return clusterSessions.map(ClusterSessions::endHook).orElse(SessionEndHook.NONE);
    }

    @Provides
    @Singleton
    static Optional<ClusterNode> clusterNode(Optional<ClusterBackend> backend, Optional<ClusterThreads> threads,
            Optional<ClusterSessions> clusterSessions, Optional<LocalRoutes> localRoutes,
            Optional<RemoteRoutes> remoteRoutes, PublishService publisher, RetainedMessages retained, Storage storage,
            SessionAttachService sessionAttach, @Named("sessions") ScheduledTaskExecutor offlineOwner,
            Optional<SeenMessageIds> seenIds, SessionRegistry sessions, BrokerConfig config, Clock clock) {
        return backend.map(b -> {
            ClusterThreads t = threads.orElseThrow();
            ClusterSessions cs = clusterSessions.orElseThrow();
            RouteSync routeSync = new RouteSync(b.nodeId(), b.routes(), remoteRoutes.orElseThrow(),
                    localRoutes.orElseThrow(), t.routing(), clock);
            ForwardingReceiver receiver = new ForwardingReceiver(
                    new ForwardedDelivery(publisher, seenIds.orElseThrow(), sessions, t.routing(), clock),
                    new RetainedSync(retained, storage.retained(), t.routing(), clock),
                    cs.signals()::onSignal, () -> { }, cs.handovers());
            return new ClusterNode(b, cs.membership(sessionAttach, receiver, offlineOwner, t.lease(),
                    config.cluster().lease(), routeSync::resync, localRoutes.orElseThrow()::afterPendingChanges),
                    routeSync, receiver, t);
        });
    }
}
