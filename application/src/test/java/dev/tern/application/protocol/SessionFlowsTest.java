package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.MqttSettings;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.delivery.OverflowPolicy;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Session flows of the engine driven packet by packet, with real services and no network. */
class SessionFlowsTest {

    private final EngineHarness broker = new EngineHarness();

    private static Publish publish(String topic, Qos qos, int packetId, String body) {
        return new Publish(false, qos, false, topic, packetId, Properties.EMPTY,
                Payload.wrap(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static Subscribe subscribe(int packetId, String filter, Qos qos) {
        return new Subscribe(packetId, List.of(TopicSubscription.of(filter, qos)), Properties.EMPTY);
    }

    private EngineHarness.Client subscriber(String id, boolean clean, String filter, Qos qos) {
        EngineHarness.Client client = broker.client().connect(id, clean, 0).send(subscribe(1, filter, qos));
        assertThat(client.channel.takeSent()).hasSize(2);
        return client;
    }

    @Test
    void answersConnectWithConnackAndNoSessionPresentForANewSession() {
        EngineHarness.Client client = broker.client().connect("a", false, 0);

        assertThat(client.channel.takeSent()).containsExactly(new Connack(false, 0, Properties.EMPTY));
    }

    @Test
    void flushesOncePerBatchOfWork() {
        EngineHarness.Client sub = subscriber("sub", true, "t", Qos.AT_MOST_ONCE);
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        int flushesBefore = sub.channel.flushes();

        pub.send(publish("t", Qos.AT_MOST_ONCE, 0, "1"), publish("t", Qos.AT_MOST_ONCE, 0, "2"),
                publish("t", Qos.AT_MOST_ONCE, 0, "3"));

        assertThat(sub.channel.takeSent()).hasSize(3);
        assertThat(sub.channel.flushes() - flushesBefore).isEqualTo(1);
    }

    /** [MQTT-4.3.3-2]: a duplicate QoS 2 PUBLISH before PUBREL is acknowledged but not routed again. */
    @Test
    void routesADuplicateQos2PublishOnlyOnce() {
        EngineHarness.Client sub = subscriber("sub", true, "t", Qos.EXACTLY_ONCE);
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        pub.channel.takeSent();

        pub.send(publish("t", Qos.EXACTLY_ONCE, 7, "x"), publish("t", Qos.EXACTLY_ONCE, 7, "x").withDup(true));

        assertThat(pub.channel.takeSent()).containsExactly(Pubrec.of(7), Pubrec.of(7));
        assertThat(sub.channel.takeSent()).hasSize(1);
    }

    /** [MQTT-4.4.0-1]: unacknowledged PUBLISHes and owed PUBRELs are resent, in order, on reconnect. */
    @Test
    void resendsUnacknowledgedFlowsInOrderWithDupOnReconnect() {
        EngineHarness.Client sub = subscriber("sub", false, "t/#", Qos.EXACTLY_ONCE);
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        pub.send(publish("t/1", Qos.EXACTLY_ONCE, 1, "a"), publish("t/2", Qos.AT_LEAST_ONCE, 2, "b"));
        List<MqttPacket> first = sub.channel.takeSent();
        assertThat(first).hasSize(2);
        Publish qos2 = (Publish) first.get(0);
        sub.send(Pubrec.of(qos2.packetId()));
        sub.drop();

        EngineHarness.Client again = broker.client().connect("sub", false, 0);

        List<MqttPacket> resent = again.channel.takeSent();
        assertThat(resent).hasSize(3);
        assertThat(resent.get(0)).isEqualTo(new Connack(true, 0, Properties.EMPTY));
        assertThat(resent.get(1)).isEqualTo(Pubrel.of(qos2.packetId()));
        Publish redelivered = (Publish) resent.get(2);
        assertThat(redelivered.dup()).isTrue();
        assertThat(redelivered.topic()).isEqualTo("t/2");
    }

    @Test
    void queuesWhileTheChannelIsNotWritableAndDrainsWhenItIs() {
        EngineHarness.Client sub = subscriber("sub", true, "t", Qos.AT_LEAST_ONCE);
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        sub.channel.setWritable(false);

        pub.send(publish("t", Qos.AT_LEAST_ONCE, 1, "a"), publish("t", Qos.AT_LEAST_ONCE, 2, "b"));
        assertThat(sub.channel.takeSent()).isEmpty();

        sub.channel.setWritable(true);
        sub.connection.onWritabilityChanged(true);
        broker.loop.runPending();

        assertThat(sub.channel.takeSent()).extracting(p -> ((Publish) p).payload())
                .containsExactly(Payload.wrap("a".getBytes(StandardCharsets.UTF_8)),
                        Payload.wrap("b".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void countsTheMessagesADrainSentOnceEachInTheTrafficMeters() {
        EngineHarness.Client sub = subscriber("sub", true, "t", Qos.AT_LEAST_ONCE);
        EngineHarness.Client pub = broker.client().connect("pub", true, 0);
        pub.send(publish("t", Qos.AT_LEAST_ONCE, 1, "now"));
        sub.channel.setWritable(false);
        pub.send(publish("t", Qos.AT_LEAST_ONCE, 2, "ab"), publish("t", Qos.AT_LEAST_ONCE, 3, "cde"));
        assertThat(broker.meters.counters.get("tern_messages_sentqos,1")).hasValue(1);

        sub.channel.setWritable(true);
        sub.connection.onWritabilityChanged(true);
        broker.loop.runPending();

        assertThat(broker.meters.counters.get("tern_messages_sentqos,1")).hasValue(3);
        assertThat(broker.meters.counters.get("tern_bytes_sentqos,1")).hasValue(3 + 2 + 3);
    }

    @Test
    void refusesTheNewestMessageWhenAnOfflineQueueIsFullAndCountsIt() {
        EngineHarness harness = new EngineHarness(new MqttSettings(10_000, 1 << 20, 1, 2,
                OverflowPolicy.REFUSE_NEWEST, false));
        EngineHarness.Client sub = harness.client().connect("sub", false, 0).send(subscribe(1, "t", Qos.AT_LEAST_ONCE));
        sub.send(Disconnect.NORMAL);
        EngineHarness.Client pub = harness.client().connect("pub", true, 0);
        for (int i = 1; i <= 4; i++) {
            pub.send(publish("t", Qos.AT_LEAST_ONCE, i, "m" + i));
        }
        assertThat(harness.counters.queueFullDrops()).isEqualTo(2);

        EngineHarness.Client again = harness.client().connect("sub", false, 0);
        List<MqttPacket> sent = again.channel.takeSent();
        assertThat(sent).hasSize(2);
        again.send(Puback.of(((Publish) sent.get(1)).packetId()));
        assertThat(again.channel.takeSent()).singleElement()
                .satisfies(p -> assertThat(((Publish) p).payload().toByteArray()).isEqualTo("m2".getBytes(StandardCharsets.UTF_8)));
    }

    /** [MQTT-3.1.4-2]: a second connection with the same client id closes the first. */
    @Test
    void closesTheOlderConnectionWhenTheSameClientIdConnects() {
        EngineHarness.Client first = broker.client().connect("dup", false, 0);
        EngineHarness.Client second = broker.client().connect("dup", false, 0);

        assertThat(first.channel.isClosed()).isTrue();
        assertThat(second.channel.isClosed()).isFalse();
        assertThat(second.channel.takeSent()).containsExactly(new Connack(true, 0, Properties.EMPTY));
    }

    /** [MQTT-3.1.2-24]: one and a half keep-alive periods of silence close the connection. */
    @Test
    void closesAConnectionSilentForOneAndAHalfKeepAlives() {
        EngineHarness.Client client = broker.client().connect("ka", true, 10);

        broker.loop.advance(14_999);
        assertThat(client.channel.isClosed()).isFalse();
        broker.loop.advance(1);
        assertThat(client.channel.isClosed()).isTrue();
    }

    @Test
    void closesASocketThatSendsNoConnectInTime() {
        EngineHarness.Client client = broker.client();

        broker.loop.advance(10_000);

        assertThat(client.channel.isClosed()).isTrue();
    }

    @Test
    void grantsTheRequestedQosInSuback() {
        EngineHarness.Client client = broker.client().connect("s", true, 0);
        client.channel.takeSent();

        client.send(subscribe(3, "a/+", Qos.EXACTLY_ONCE));

        assertThat(client.channel.takeSent()).containsExactly(new Suback(3, List.of(2), Properties.EMPTY));
    }
}
