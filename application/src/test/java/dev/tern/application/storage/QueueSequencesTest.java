package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.StoredDelivery;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recorder draws queue sequences from one broker-wide counter, so that a store may key queued
 * deliveries by sequence alone: no two sessions share one, not even after a restart.
 */
class QueueSequencesTest {

    private final StoredBroker stored = new StoredBroker();
    private final InMemoryMessageQueueStore queueStore = stored.queueStore;

    private static void offlineSubscriber(EngineHarness broker, String clientId) {
        broker.client().connect(clientId, false, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_LEAST_ONCE)), Properties.EMPTY))
                .drop();
    }

    private static void publish(EngineHarness broker, int count) {
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        for (int i = 1; i <= count; i++) {
            pub.send(new Publish(false, Qos.AT_LEAST_ONCE, false, "t", i, Properties.EMPTY,
                    Payload.wrap(("m" + i).getBytes(StandardCharsets.UTF_8))));
        }
    }

    private List<Long> sequences(String clientId) {
        return queueStore.load(clientId).stream().map(StoredDelivery::sequence).toList();
    }

    @Test
    void sessionsQueuingTheSameMessagesNeverShareASequence() {
        EngineHarness broker = stored.start();
        offlineSubscriber(broker, "sub-1");
        offlineSubscriber(broker, "sub-2");

        publish(broker, 3);

        List<Long> all = new ArrayList<>(sequences("sub-1"));
        all.addAll(sequences("sub-2"));
        assertThat(all).hasSize(6).doesNotHaveDuplicates();
    }

    @Test
    void sequencesDrawnAfterARestartFollowEveryRestoredOne() {
        EngineHarness before = stored.start();
        offlineSubscriber(before, "sub-1");
        publish(before, 3);
        long lastBefore = sequences("sub-1").get(2);

        EngineHarness after = stored.start();
        offlineSubscriber(after, "sub-2");
        publish(after, 2);

        assertThat(sequences("sub-2")).hasSize(2).allMatch(sequence -> sequence > lastBefore);
        assertThat(sequences("sub-1")).hasSize(5).isSorted();
    }

    @Test
    void aRestoredSessionStartedCleanRemovesEveryRestoredDelivery() {
        EngineHarness before = stored.start();
        offlineSubscriber(before, "sub-1");
        offlineSubscriber(before, "sub-2");
        publish(before, 3);

        EngineHarness after = stored.start();
        after.client().connect("sub-1", true, 0).drop();

        assertThat(queueStore.load("sub-1")).isEmpty();
        assertThat(queueStore.load("sub-2")).hasSize(3);
    }
}
