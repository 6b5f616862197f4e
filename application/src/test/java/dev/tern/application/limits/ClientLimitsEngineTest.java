package dev.tern.application.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.RetainedOverflow;
import dev.tern.application.limits.LimitCounters.Limit;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.WillFields;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-client limits through the whole engine: what each version is answered, and what is counted. */
class ClientLimitsEngineTest {

    private static Publish publish(String topic, Qos qos, int packetId, boolean retain) {
        return new Publish(false, qos, retain, topic, packetId, Properties.EMPTY, Payload.wrap("x".getBytes()));
    }

    private static Subscribe subscribe(String... filters) {
        return new Subscribe(1, List.of(filters).stream().map(f -> TopicSubscription.of(f, Qos.AT_LEAST_ONCE)).toList(),
                Properties.EMPTY);
    }

    private static <T extends MqttPacket> T last(EngineHarness.Client client, Class<T> type) {
        List<MqttPacket> sent = client.channel.takeSent();
        return type.cast(sent.get(sent.size() - 1));
    }

    /** [MQTT-3.1.3-8]: CONNACK 0x85, then the connection closes. */
    @Test
    void aClientIdLongerThanTheLimitIsRefusedWith0x85InMqtt5() {
        EngineHarness broker = new EngineHarness(TestLimits.clientId(23));

        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5).connect("x".repeat(24), true, 0);

        assertThat(last(client, Connack.class).reasonCode()).isEqualTo(ReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
        assertThat(client.channel.isClosed()).isTrue();
        assertThat(broker.limitCounters.count(Limit.CLIENT_ID_LENGTH)).isEqualTo(1);
    }

    /** [MQTT-3.1.3-9]: CONNACK 0x02, then the connection closes. */
    @Test
    void aClientIdLongerThanTheLimitIsRefusedWith0x02InMqtt311() {
        EngineHarness broker = new EngineHarness(TestLimits.clientId(23));

        EngineHarness.Client client = broker.client().connect("x".repeat(24), true, 0);

        assertThat(last(client, Connack.class).reasonCode()).isEqualTo(ReasonCode.V3_IDENTIFIER_REJECTED);
        assertThat(client.channel.isClosed()).isTrue();
    }

    @Test
    void aWillTopicPastTheTopicBoundsIsRefusedAtConnect() {
        EngineHarness broker = new EngineHarness(TestLimits.topics(100, 2));
        WillFields will = new WillFields("a/b/c", Payload.wrap("gone".getBytes()), Qos.AT_MOST_ONCE, false, null);

        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5)
                .send(new Connect(ProtocolVersion.MQTT_5, true, 0, "c", will, null, null, Properties.EMPTY));

        assertThat(last(client, Connack.class).reasonCode()).isEqualTo(ReasonCode.TOPIC_NAME_INVALID);
        assertThat(broker.limitCounters.count(Limit.TOPIC_LEVELS)).isEqualTo(1);
    }

    @Test
    void subscriptionsBeyondTheLimitGet0x97AndTheOthersStillApply() {
        EngineHarness broker = new EngineHarness(TestLimits.subscriptions(2));
        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5).connect("c", true, 0);
        client.channel.takeSent();

        client.send(subscribe("a", "b", "c"));
        assertThat(last(client, Suback.class).reasonCodes()).containsExactly(1, 1, ReasonCode.QUOTA_EXCEEDED);

        // Subscribing again to a filter it holds replaces it and needs no room.
        client.send(subscribe("a"));
        assertThat(last(client, Suback.class).reasonCodes()).containsExactly(1);
        assertThat(broker.limitCounters.count(Limit.SUBSCRIPTIONS)).isEqualTo(1);
    }

    @Test
    void subscriptionsBeyondTheLimitGetTheFailureCodeInMqtt311() {
        EngineHarness broker = new EngineHarness(TestLimits.subscriptions(1));
        EngineHarness.Client client = broker.client().connect("c", true, 0);
        client.channel.takeSent();

        client.send(subscribe("a", "b"));

        assertThat(last(client, Suback.class).reasonCodes()).containsExactly(1, ReasonCode.V3_SUBACK_FAILURE);
    }

    @Test
    void aFilterBeyondTheTopicBoundsIsInvalid() {
        EngineHarness broker = new EngineHarness(TestLimits.topics(100, 2));
        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5).connect("c", true, 0);
        client.channel.takeSent();

        client.send(subscribe("a/b", "a/b/c", "a/#/x".substring(0, 3) + "/+"));

        assertThat(last(client, Suback.class).reasonCodes())
                .containsExactly(1, ReasonCode.TOPIC_FILTER_INVALID, ReasonCode.TOPIC_FILTER_INVALID);
    }

    @Test
    void aQos1PublishOnATooLongTopicIsAnsweredWith0x90InMqtt5() {
        EngineHarness broker = new EngineHarness(TestLimits.topics(4, 128));
        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5).connect("c", true, 0);
        client.channel.takeSent();

        client.send(publish("abcde", Qos.AT_LEAST_ONCE, 7, false));

        assertThat(last(client, Puback.class)).isEqualTo(new Puback(7, ReasonCode.TOPIC_NAME_INVALID, Properties.EMPTY));
        assertThat(client.channel.isClosed()).isFalse();
        assertThat(broker.limitCounters.count(Limit.TOPIC_LENGTH)).isEqualTo(1);
    }

    @Test
    void aQos0PublishOnATooDeepTopicDisconnectsWith0x90InMqtt5() {
        EngineHarness broker = new EngineHarness(TestLimits.topics(100, 2));
        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5).connect("c", true, 0);
        client.channel.takeSent();

        client.send(publish("a/b/c", Qos.AT_MOST_ONCE, 0, false));

        assertThat(last(client, Disconnect.class).reasonCode()).isEqualTo(ReasonCode.TOPIC_NAME_INVALID);
        assertThat(client.channel.isClosed()).isTrue();
    }

    @Test
    void aPublishOnATooLongTopicClosesAnMqtt311Connection() {
        EngineHarness broker = new EngineHarness(TestLimits.topics(4, 128));
        EngineHarness.Client client = broker.client().connect("c", true, 0);
        client.channel.takeSent();

        client.send(publish("abcde", Qos.AT_LEAST_ONCE, 7, false));

        assertThat(client.channel.takeSent()).isEmpty();
        assertThat(client.channel.isClosed()).isTrue();
    }

    @Test
    void aRetainedPublishTheFullStoreRefusesIsAnswered0x97AndNotRouted() {
        EngineHarness broker = new EngineHarness(TestLimits.retained(1, 1000, RetainedOverflow.REFUSE));
        EngineHarness.Client subscriber = broker.client(ProtocolVersion.MQTT_5).connect("s", true, 0);
        subscriber.send(subscribe("#"));
        EngineHarness.Client client = broker.client(ProtocolVersion.MQTT_5).connect("c", true, 0);
        client.send(publish("first", Qos.AT_LEAST_ONCE, 1, true));
        subscriber.channel.takeSent();
        client.channel.takeSent();

        client.send(publish("second", Qos.AT_LEAST_ONCE, 2, true));

        assertThat(last(client, Puback.class)).isEqualTo(new Puback(2, ReasonCode.QUOTA_EXCEEDED, Properties.EMPTY));
        assertThat(subscriber.channel.takeSent()).isEmpty();
        assertThat(broker.retained.get("second")).isNull();
        assertThat(broker.limitCounters.count(Limit.RETAINED_REFUSED)).isEqualTo(1);
    }

    @Test
    void aRetainedPublishTheFullStoreRefusesClosesAnMqtt311Connection() {
        EngineHarness broker = new EngineHarness(TestLimits.retained(1, 1000, RetainedOverflow.REFUSE));
        EngineHarness.Client client = broker.client().connect("c", true, 0);
        client.send(publish("first", Qos.AT_MOST_ONCE, 0, true));
        client.channel.takeSent();

        client.send(publish("second", Qos.AT_MOST_ONCE, 0, true));

        assertThat(client.channel.isClosed()).isTrue();
    }
}
