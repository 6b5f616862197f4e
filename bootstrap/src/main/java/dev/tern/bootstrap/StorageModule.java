package dev.tern.bootstrap;

import dagger.Module;
import dagger.Provides;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.Storage;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.service.SessionAttachService;
import dev.tern.application.service.SessionFactory;
import dev.tern.application.service.SessionRestorer;
import dev.tern.application.service.StoredSessionLoader;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.GroupCommit;
import dev.tern.application.storage.NoRecorder;
import dev.tern.application.storage.StateRecorder;
import dev.tern.application.storage.StorageWriter;
import dev.tern.application.storage.StoreRecorder;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.Durability;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import javax.inject.Named;
import javax.inject.Singleton;

/**
 * How state that must survive a restart reaches the opened {@link Storage}: a backend that is not
 * durable (memory) keeps nothing beyond the live state, so nothing is recorded; a durable one is
 * recorded through one storage writer thread that commits in batches.
 */
@Module
interface StorageModule {

    /** Writes gathered into one transaction at most; a larger backlog takes several. */
    int MAX_BATCH = 2048;
    /**
     * Unwritten writes above which {@code periodic} durability holds acknowledgements back until
     * the writer catches up: about ten full batches, a fraction of a second of a store's work.
     */
    int BEHIND_AT = 10 * MAX_BATCH;
    /**
     * A batch smaller than the last one, when that held 8 writes or more, waits up to ten pauses of
     * 50 µs for the rest: measured on H2 with ack-after-commit (1,000 sessions, one publisher with
     * 64 in flight), the fill went from about 22k to 27–30k msgs/s, with fewer commits and less CPU.
     */
    GroupCommit GROUP_COMMIT = new GroupCommit(MAX_BATCH, BEHIND_AT, 8, 10);
    long LINGER_PAUSE_NANOS = 50_000;

    @Provides
    @Singleton
    @Named("storage")
    static ScheduledTaskExecutor storageThread() {
        return new ScheduledTaskExecutor("tern-storage");
    }

    @Provides
    @Singleton
    @Named("sessions")
    static ScheduledTaskExecutor offlineSessionOwner() {
        return new ScheduledTaskExecutor("tern-sessions");
    }

    @Provides
    @Singleton
    static Optional<StorageWriter> storageWriter(Storage storage, @Named("storage") ScheduledTaskExecutor storageThread,
            MetricsRegistry metrics) {
        if (!storage.durable()) {
            return Optional.empty();
        }
        StorageWriter writer = new StorageWriter(storage.transactions(), storageThread, GROUP_COMMIT,
                () -> LockSupport.parkNanos(LINGER_PAUSE_NANOS), StorageWriter.Meters.register(metrics, System::nanoTime));
        metrics.gauge("tern_storage_backlog", "store writes handed to the storage writer and not yet committed",
                writer::backlog);
        return Optional.of(writer);
    }

    @Provides
    @Singleton
    static StateRecorder recorder(BrokerConfig config, Storage storage, Optional<StorageWriter> storageWriter) {
        if (storageWriter.isEmpty()) {
            return NoRecorder.INSTANCE;
        }
        StorageWriter writer = storageWriter.get();
        return new StoreRecorder(writer, storage.sessions(), storage.subscriptions(), storage.retained(),
                storage.queues(), storage.inflight(), config.storageConfig().durability() == Durability.ACK_AFTER_COMMIT);
    }

    /** Loads one client's stored session: a cluster node taking a session over or adopting it. */
    @Provides
    @Singleton
    static StoredSessionLoader storedSessionLoader(Storage storage, SessionRegistry sessions, SubscriptionIndex index,
            StateRecorder recorder, SessionFactory sessionFactory) {
        return new StoredSessionLoader(storage.sessions(), storage.subscriptions(), storage.queues(),
                storage.inflight(), sessions, index, recorder, sessionFactory, true);
    }

    @Provides
    @Singleton
    static SessionRestorer restorer(Storage storage, SessionRegistry sessions, SubscriptionIndex index,
            RetainedMessages retained, StateRecorder recorder, SessionAttachService sessionAttach, Clock clock,
            @Named("sessions") ScheduledTaskExecutor offlineOwner) {
        return new SessionRestorer(storage.sessions(), storage.subscriptions(), storage.retained(), storage.queues(),
                storage.inflight(), sessions, index, retained, recorder, sessionAttach, clock, offlineOwner);
    }
}
