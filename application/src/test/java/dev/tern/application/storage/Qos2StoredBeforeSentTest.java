package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.Mqtt5Settings;
import dev.tern.application.config.MqttSettings;
import dev.tern.application.port.out.EnhancedAuthenticators;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
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
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With {@code ack-after-commit}, each step of an outbound QoS 2 flow to a persistent session leaves
 * only once the flow state that sends it is stored: whoever resumes the session after a crash (this
 * broker restarted, or another cluster node) then never repeats a step the client already finished,
 * which would deliver the message twice to a client that completed it.
 */
class Qos2StoredBeforeSentTest {

    private final ManualExecutor storageThread = new ManualExecutor(new ManualClock(0));
    private final InMemoryInflightStore inflight = new InMemoryInflightStore();
    private final EngineHarness broker = new EngineHarness(MqttSettings.defaults(), Mqtt5Settings.defaults(),
            EnhancedAuthenticators.NONE, new StoreRecorder(
                    new StorageWriter(new InMemoryStorageTransactions(), storageThread,
                            GroupCommit.withoutLinger(100, 1000), Pause.NONE),
                    new InMemorySessionStore(), new InMemorySubscriptionStore(), new InMemoryRetainedMessageStore(),
                    new InMemoryMessageQueueStore(), inflight, true));

    @Test
    void aQos2PublishLeavesOnlyOnceItsFlowIsStored() {
        EngineHarness.Client subscriber = persistentSubscriber("sub");

        publishQos2("t", "m1");
        assertThat(publishesIn(subscriber.channel.takeSent())).as("the flow is not stored yet").isEmpty();

        commit();
        assertThat(inflight.load("sub")).singleElement().isInstanceOf(OutboundFlow.AwaitingPubrec.class);
        assertThat(publishesIn(subscriber.channel.takeSent())).singleElement()
                .satisfies(p -> assertThat(p.qos()).isEqualTo(Qos.EXACTLY_ONCE));
    }

    @Test
    void aPubrelLeavesOnlyOnceTheFlowsNextStepIsStored() {
        EngineHarness.Client subscriber = persistentSubscriber("sub");
        publishQos2("t", "m1");
        commit();
        Publish delivered = publishesIn(subscriber.channel.takeSent()).get(0);

        subscriber.send(Pubrec.of(delivered.packetId()));
        broker.loop.runPending();
        assertThat(subscriber.channel.takeSent()).as("AwaitingPubcomp is not stored yet").isEmpty();

        commit();
        assertThat(inflight.load("sub")).singleElement().isInstanceOf(OutboundFlow.AwaitingPubcomp.class);
        assertThat(subscriber.channel.takeSent()).containsExactly(Pubrel.of(delivered.packetId()));
    }

    @Test
    void aCleanSessionsQos2PublishDoesNotWaitForTheStore() {
        EngineHarness.Client subscriber = broker.client().connect("clean", true, 0);
        subscriber.send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.EXACTLY_ONCE)), Properties.EMPTY));
        subscriber.channel.takeSent();

        publishQos2("t", "m1");

        assertThat(publishesIn(subscriber.channel.takeSent())).hasSize(1);
    }

    private EngineHarness.Client persistentSubscriber(String clientId) {
        EngineHarness.Client client = broker.client().connect(clientId, false, 0);
        client.send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.EXACTLY_ONCE)), Properties.EMPTY));
        commit();
        client.channel.takeSent();
        return client;
    }

    private void publishQos2(String topic, String text) {
        EngineHarness.Client publisher = broker.client().connect("pub-" + text, true, 0);
        publisher.send(new Publish(false, Qos.EXACTLY_ONCE, false, topic, 1, Properties.EMPTY,
                Payload.wrap(text.getBytes())));
        broker.loop.runPending();
    }

    private static List<Publish> publishesIn(List<MqttPacket> sent) {
        return sent.stream().filter(Publish.class::isInstance).map(Publish.class::cast).toList();
    }

    private void commit() {
        while (storageThread.hasPending()) {
            storageThread.runPending();
        }
        broker.loop.runPending();
    }
}
