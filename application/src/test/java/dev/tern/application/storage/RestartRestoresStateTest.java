package dev.tern.application.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.storage.memory.InMemoryInflightStore;
import dev.tern.application.storage.memory.InMemoryMessageQueueStore;
import dev.tern.application.storage.memory.InMemorySessionStore;
import dev.tern.application.storage.memory.InMemorySubscriptionStore;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A broker built again over the stores of one that stopped resumes its persistent sessions: the
 * recorder wrote everything a restart needs, and the restorer puts it back.
 */
class RestartRestoresStateTest {

    private final StoredBroker stored = new StoredBroker();
    private final InMemorySubscriptionStore subscriptionStore = stored.subscriptionStore;
    private final InMemorySessionStore sessionStore = stored.sessionStore;
    private final InMemoryMessageQueueStore queueStore = stored.queueStore;
    private final InMemoryInflightStore inflightStore = stored.inflightStore;

    private EngineHarness broker() {
        return stored.start();
    }

    private static Publish publish(String topic, Qos qos, int packetId, boolean retain, String body) {
        return new Publish(false, qos, retain, topic, packetId, Properties.EMPTY,
                Payload.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String body(MqttPacket packet) {
        return new String(((Publish) packet).payload().toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void queuedMessagesOfAnOfflineSessionReachItAfterARestart() {
        EngineHarness before = broker();
        EngineHarness.Client sub = before.client().connect("sub", false, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t/#", Qos.AT_LEAST_ONCE)), Properties.EMPTY));
        sub.drop();
        EngineHarness.Client pub = before.client().connect("pub", true, 0);
        pub.channel.takeSent();
        pub.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, false, "one"), publish("t/2", Qos.EXACTLY_ONCE, 2, false, "two"));
        assertThat(pub.channel.takeSent()).hasSize(2);

        EngineHarness after = broker();
        EngineHarness.Client again = after.client().connect("sub", false, 0);

        List<MqttPacket> sent = again.channel.takeSent();
        assertThat(sent.get(0)).isEqualTo(new Connack(true, 0, Properties.EMPTY));
        assertThat(sent.subList(1, sent.size())).extracting(RestartRestoresStateTest::body).containsExactly("one", "two");
    }

    @Test
    void deliveredAndAcknowledgedMessagesLeaveNothingInTheStore() {
        EngineHarness broker = broker();
        broker.client().connect("sub", false, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_LEAST_ONCE)), Properties.EMPTY))
                .drop();
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        for (int i = 1; i <= 40; i++) {
            // Identical messages: the recorder must tell the copies apart.
            pub.send(publish("t", Qos.AT_LEAST_ONCE, i, false, "same"));
        }
        assertThat(queueStore.load("sub")).hasSize(40);

        EngineHarness.Client sub = broker.client().connect("sub", false, 0);
        for (int round = 0; round < 10 && !queueStore.load("sub").isEmpty() | !inflightStore.load("sub").isEmpty(); round++) {
            for (MqttPacket packet : sub.channel.takeSent()) {
                if (packet instanceof Publish p) {
                    sub.send(Puback.of(p.packetId()));
                }
            }
        }

        assertThat(queueStore.load("sub")).isEmpty();
        assertThat(inflightStore.load("sub")).isEmpty();
    }

    /** [MQTT-4.4.0-1] across a restart: the unacknowledged PUBLISH is resent with DUP. */
    @Test
    void anUnacknowledgedDeliveryIsResentWithDupAfterARestart() {
        EngineHarness before = broker();
        EngineHarness.Client sub = before.client().connect("sub", false, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_LEAST_ONCE)), Properties.EMPTY));
        sub.channel.takeSent();
        before.client().connect("pub", true, 0).send(publish("t", Qos.AT_LEAST_ONCE, 1, false, "x"));
        Publish first = (Publish) sub.channel.takeSent().get(0);

        EngineHarness after = broker();
        EngineHarness.Client again = after.client().connect("sub", false, 0);

        List<MqttPacket> sent = again.channel.takeSent();
        assertThat(sent).hasSize(2);
        Publish resent = (Publish) sent.get(1);
        assertThat(resent.dup()).isTrue();
        assertThat(resent.packetId()).isEqualTo(first.packetId());
        again.send(Puback.of(resent.packetId()));
        assertThat(inflightStore.load("sub")).isEmpty();
    }

    @Test
    void retainedMessagesAndSubscriptionsSurviveARestart() {
        EngineHarness before = broker();
        before.client().connect("pub", true, 0).send(publish("config", Qos.AT_LEAST_ONCE, 1, true, "v1"));
        before.client().connect("sub", false, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("live", Qos.AT_MOST_ONCE)), Properties.EMPTY))
                .drop();

        EngineHarness after = broker();
        EngineHarness.Client sub = after.client().connect("sub", false, 0);
        sub.channel.takeSent();
        after.client().connect("pub2", true, 0).send(publish("live", Qos.AT_MOST_ONCE, 0, false, "hello"));
        EngineHarness.Client reader = after.client().connect("reader", true, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("config", Qos.AT_LEAST_ONCE)), Properties.EMPTY));

        assertThat(sub.channel.takeSent()).extracting(RestartRestoresStateTest::body).containsExactly("hello");
        assertThat(reader.channel.takeSent()).filteredOn(p -> p instanceof Publish)
                .extracting(RestartRestoresStateTest::body).containsExactly("v1");
    }

    @Test
    void aCleanSessionLeavesNothingInTheStore() {
        EngineHarness broker = broker();
        broker.client().connect("clean", true, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_LEAST_ONCE)), Properties.EMPTY))
                .drop();

        assertThat(sessionStore.loadAll()).isEmpty();
        assertThat(subscriptionStore.loadAll()).isEmpty();
    }

    @Test
    void aPersistentSessionStartedCleanForgetsWhatTheStoreHeldForIt() {
        EngineHarness before = broker();
        before.client().connect("sub", false, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of("t", Qos.AT_LEAST_ONCE)), Properties.EMPTY))
                .drop();
        before.client().connect("pub", true, 0).send(publish("t", Qos.AT_LEAST_ONCE, 1, false, "old"));

        before.client().connect("sub", true, 0).drop();

        assertThat(subscriptionStore.loadAll()).isEmpty();
        assertThat(queueStore.load("sub")).isEmpty();
    }
}
