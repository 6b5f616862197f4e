package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.storage.memory.InMemoryInflightStore;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;
import dev.tern.application.storage.memory.InMemoryRetainedMessageStore;
import dev.tern.application.storage.memory.InMemorySessionStore;
import dev.tern.application.storage.memory.InMemoryStorageTransactions;
import dev.tern.application.storage.memory.InMemorySubscriptionStore;
import dev.tern.application.testing.EngineHarness;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With {@code ack-after-commit}, a SUBACK for a persistent session leaves only once its
 * subscriptions are stored: a broker must not confirm a subscription the store may never hold. A
 * cluster node paused between the SUBACK and the write loses the write to fencing when it resumes,
 * so the session resumed on another node would lack a subscription its client was told it had.
 */
class SubackAfterCommitTest {

    private final ManualExecutor storageThread = new ManualExecutor(new ManualClock(0));
    private final InMemoryStorageTransactions transactions = new InMemoryStorageTransactions();
    private boolean storeFails;
    private final InMemorySubscriptionStore subscriptionStore = new InMemorySubscriptionStore();
    private final EngineHarness broker = new EngineHarness(MqttSettings.defaults(), Mqtt5Settings.defaults(),
            EnhancedAuthenticators.NONE, new StoreRecorder(
                    new StorageWriter(writes -> {
                        if (storeFails) {
                            throw new IllegalStateException("fenced out");
                        }
                        transactions.inTransaction(writes);
                    }, storageThread, GroupCommit.withoutLinger(100, 1000), Pause.NONE),
                    new InMemorySessionStore(), subscriptionStore, new InMemoryRetainedMessageStore(),
                    new InMemoryMessageQueueStore(), new InMemoryInflightStore(), true));

    @Test
    void aPersistentSessionsSubackWaitsUntilItsSubscriptionIsStored() {
        EngineHarness.Client client = broker.client().connect("dev", false, 0);
        commit();
        client.channel.takeSent();

        client.send(subscribe("kept/#"));
        assertThat(client.channel.takeSent()).as("the subscription is not stored yet").isEmpty();

        commit();
        assertThat(client.channel.takeSent()).containsExactly(new Suback(1, List.of(1), Properties.EMPTY));
        assertThat(subscriptionStore.load("dev")).singleElement()
                .satisfies(s -> assertThat(s.filter().value()).isEqualTo("kept/#"));
    }

    @Test
    void aSubscriptionTheStoreRefusedIsAnsweredWithUnspecifiedError() {
        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5).send(new Connect(ProtocolVersion.MQTT_5,
                false, 0, "dev", null, null, null,
                Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, 3_600).build()));
        commit();
        client.channel.takeSent();

        storeFails = true;
        client.send(subscribe("kept/#"));
        commit();

        assertThat(client.channel.takeSent())
                .containsExactly(new Suback(1, List.of(ReasonCode.UNSPECIFIED_ERROR), Properties.EMPTY));
    }

    @Test
    void aCleanSessionsSubackDoesNotWaitForTheStore() {
        EngineHarness.Client client = broker.client().connect("clean", true, 0);
        client.channel.takeSent();

        client.send(subscribe("t"));

        assertThat(client.channel.takeSent()).containsExactly(new Suback(1, List.of(1), Properties.EMPTY));
    }

    private static Subscribe subscribe(String filter) {
        return new Subscribe(1, List.of(TopicSubscription.of(filter, Qos.AT_LEAST_ONCE)), Properties.EMPTY);
    }

    private void commit() {
        while (storageThread.hasPending()) {
            storageThread.runPending();
        }
        broker.loop.runPending();
    }
}
