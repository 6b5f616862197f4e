package dev.tern.application.storage;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.service.SessionRestorer;
import dev.tern.application.storage.memory.InMemoryInflightStore;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;
import dev.tern.application.storage.memory.InMemoryRetainedMessageStore;
import dev.tern.application.storage.memory.InMemorySessionStore;
import dev.tern.application.storage.memory.InMemoryStorageTransactions;
import dev.tern.application.storage.memory.InMemorySubscriptionStore;
import dev.tern.application.testing.EngineHarness;

/**
 * Stores that outlive the brokers built over them: each {@link #start} is a broker process
 * starting over what the previous ones left, restored as at start-up. Writes commit at once
 * (the storage writer runs inline), so a broker that is simply dropped is a crash.
 *
 * <p>Threading: single-threaded, as the harness is.
 */
final class StoredBroker {

    final InMemorySessionStore sessionStore = new InMemorySessionStore();
    final InMemorySubscriptionStore subscriptionStore = new InMemorySubscriptionStore();
    final InMemoryRetainedMessageStore retainedStore = new InMemoryRetainedMessageStore();
    final InMemoryMessageQueueStore queueStore = new InMemoryMessageQueueStore();
    final InMemoryInflightStore inflightStore = new InMemoryInflightStore();

    /** A broker started now over the stores. */
    EngineHarness start() {
        return start(0);
    }

    /** A broker started {@code millisLater} than the harness's usual start time (time spent down). */
    EngineHarness start(long millisLater) {
        return start(millisLater, LimitsSettings.defaults());
    }

    /** A broker started now over the stores, with these limits. */
    EngineHarness start(LimitsSettings limits) {
        return start(0, limits);
    }

    private EngineHarness start(long millisLater, LimitsSettings limits) {
        StorageWriter writer = new StorageWriter(new InMemoryStorageTransactions(), Runnable::run,
                GroupCommit.withoutLinger(100, 1000), Pause.NONE);
        StoreRecorder recorder = new StoreRecorder(writer, sessionStore, subscriptionStore, retainedStore, queueStore,
                inflightStore, true);
        EngineHarness harness = new EngineHarness(MqttSettings.defaults(), Mqtt5Settings.defaults(), limits,
                EnhancedAuthenticators.NONE, recorder);
        harness.clock.advance(millisLater);
        new SessionRestorer(sessionStore, subscriptionStore, retainedStore, queueStore, inflightStore, harness.sessions,
                harness.index, harness.retained, recorder, harness.sessionAttach, harness.clock, harness.loop).restore();
        harness.loop.runPending();
        return harness;
    }
}
