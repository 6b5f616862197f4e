package dev.tern.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Delivery to sessions whose connection is on the publisher's thread, to one subscriber or many:
 * in the publisher's pass, without a task per session, and never ahead of what is already queued
 * for the session.
 */
class SameThreadDeliveryTest {

    private final EngineHarness broker = new EngineHarness();

    private EngineHarness.Client subscriber(String id, String filter) {
        EngineHarness.Client client = broker.client().connect(id, true, 0)
                .send(new Subscribe(1, List.of(TopicSubscription.of(filter, Qos.AT_MOST_ONCE)), Properties.EMPTY));
        client.channel.takeSent();
        return client;
    }

    private static Publish publish(String body) {
        return new Publish(false, Qos.AT_MOST_ONCE, false, "t", 0, Properties.EMPTY,
                Payload.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The publisher's bytes arrive, without running any queued task afterwards. */
    private static void arrive(EngineHarness.Client publisher, MqttPacket packet) {
        publisher.connection.onBytes(PacketEncoder.encode(packet, ProtocolVersion.MQTT_3_1_1));
    }

    @Test
    void writesTheMessageToEverySubscriberOnThePublishersThreadInThePublishersPass() {
        EngineHarness.Client first = subscriber("first", "t");
        EngineHarness.Client second = subscriber("second", "#");
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);

        arrive(publisher, publish("now"));

        assertThat(first.channel.unflushedBytes()).isPositive();
        assertThat(second.channel.unflushedBytes()).isPositive();
        broker.loop.runPending();
        assertThat(first.channel.takeSent()).containsExactly(publish("now"));
        assertThat(second.channel.takeSent()).containsExactly(publish("now"));
    }

    @Test
    void waitsBehindTasksAlreadyQueuedForTheSubscribersSession() {
        EngineHarness.Client sub = subscriber("sub", "t");
        EngineHarness.Client other = subscriber("other", "t");
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);
        List<String> order = new ArrayList<>();
        broker.sessions.get("sub").executor().execute(() -> order.add("queued task"));

        arrive(publisher, publish("after"));

        assertThat(sub.channel.unflushedBytes()).isZero();
        assertThat(other.channel.unflushedBytes()).isPositive();
        broker.sessions.get("sub").executor().execute(() -> order.add("written: " + sub.channel.unflushedBytes()));
        broker.loop.runPending();
        assertThat(order).hasSize(2);
        assertThat(order.get(0)).isEqualTo("queued task");
        assertThat(order.get(1)).isNotEqualTo("written: 0");
        assertThat(sub.channel.takeSent()).containsExactly(publish("after"));
    }

    @Test
    void writesTheMessageOfASingleSubscriberOnThePublishersThreadInThePublishersPass() {
        EngineHarness.Client sub = subscriber("sub", "t");
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);

        arrive(publisher, publish("fan-in"));

        assertThat(sub.channel.unflushedBytes()).isPositive();
        broker.loop.runPending();
        assertThat(sub.channel.takeSent()).containsExactly(publish("fan-in"));
    }

    @Test
    void queuesTheMessageOfASingleSubscriberBehindTasksAlreadyQueuedForItsSession() {
        EngineHarness.Client sub = subscriber("sub", "t");
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);
        List<String> order = new ArrayList<>();
        broker.sessions.get("sub").executor().execute(() -> order.add("queued task"));

        arrive(publisher, publish("after"));

        assertThat(sub.channel.unflushedBytes()).isZero();
        broker.sessions.get("sub").executor().execute(() -> order.add("written: " + sub.channel.unflushedBytes()));
        broker.loop.runPending();
        assertThat(order.get(0)).isEqualTo("queued task");
        assertThat(order.get(1)).isNotEqualTo("written: 0");
        assertThat(sub.channel.takeSent()).containsExactly(publish("after"));
    }

    @Test
    void givesEachSubscriberOfOneMessageTheCopyOfItsOwnGrantWhenGrantsAlternate() {
        List<EngineHarness.Client> subscribers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Qos granted = i % 2 == 0 ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE;
            EngineHarness.Client client = broker.client().connect("sub-" + i, true, 0)
                    .send(new Subscribe(1, List.of(TopicSubscription.of("t", granted)), Properties.EMPTY));
            client.channel.takeSent();
            subscribers.add(client);
        }
        EngineHarness.Client publisher = broker.client().connect("pub", true, 0);

        publisher.send(new Publish(false, Qos.AT_LEAST_ONCE, false, "t", 9, Properties.EMPTY,
                Payload.wrap("q".getBytes(StandardCharsets.UTF_8))));

        for (int i = 0; i < 6; i++) {
            List<MqttPacket> sent = subscribers.get(i).channel.takeSent();
            assertThat(sent).hasSize(1);
            Publish received = (Publish) sent.get(0);
            assertThat(received.qos()).isEqualTo(i % 2 == 0 ? Qos.AT_MOST_ONCE : Qos.AT_LEAST_ONCE);
            assertThat(received.payload()).isEqualTo(Payload.wrap("q".getBytes(StandardCharsets.UTF_8)));
        }
    }
}
