package dev.tern.bootstrap;

import dagger.BindsInstance;
import dagger.Component;
import dev.tern.application.event.BrokerEvents;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.out.Authenticator;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.Storage;
import dev.tern.application.protocol.ProtocolEngine;
import dev.tern.application.protocol.ConnectionMeters;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.service.PublishService;
import dev.tern.application.service.SessionEndService;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.service.SessionRestorer;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StorageWriter;
import dev.tern.application.sys.BrokerStatistics;
import dev.tern.bootstrap.config.BrokerConfig;
import java.time.Clock;
import java.util.Optional;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * The broker's core, built around the adapters the plug-in providers (or an embedder) supplied:
 * the protocol engine, its services and the state recorder. The cluster backend is bound as
 * {@code Optional<ClusterBackend>}: empty unless {@code cluster.enabled} (docs/cluster.md).
 */
@Singleton
@Component(modules = {EngineModule.class, LimitsModule.class, StorageModule.class, ClusterModule.class})
interface BrokerComponent {

    ProtocolEngine engine();

    SessionRestorer restorer();

    /** The broker's own publish path, for the {@code $SYS} topics. */
    PublishService publisher();

    /** What the {@code $SYS/broker/...} topics report. */
    BrokerStatistics statistics();
    SessionRegistry sessions();

    SubscriptionIndex subscriptionIndex();

    /** SUBSCRIBE's path, for subscriptions an administrator makes on a client's behalf. */
    SubscribeService subscribeService();

    SessionEndService sessionEnd();

    RetainedMessages retainedMessages();

    ConnectionMeters connectionMeters();

    /** The writer of a durable store; empty for one that is not. */
    Optional<StorageWriter> storageWriter();

    @Named("storage")
    ScheduledTaskExecutor storageThread();

    @Named("sessions")
    ScheduledTaskExecutor offlineSessions();

    /** The cluster side of this node; empty unless {@code cluster.enabled}. */
    Optional<ClusterNode> clusterNode();

    @Component.Factory
    interface Factory {
        BrokerComponent create(@BindsInstance BrokerConfig config, @BindsInstance Clock clock,
                @BindsInstance Storage storage, @BindsInstance Optional<ClusterBackend> cluster,
                @BindsInstance Authenticator authenticator,
                @BindsInstance Authorizer authorizer, @BindsInstance EnhancedAuthenticators enhancedAuthenticators,
                @BindsInstance BrokerEvents events, @BindsInstance MetricsRegistry metrics);
    }
}
