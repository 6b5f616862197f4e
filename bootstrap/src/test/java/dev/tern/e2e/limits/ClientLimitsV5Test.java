package dev.tern.e2e.limits;

import static dev.tern.e2e.limits.LimitClients.connectedV5;
import static dev.tern.e2e.limits.LimitClients.publishQos1;
import static dev.tern.e2e.limits.LimitClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5ConnAckException;
import com.hivemq.client.mqtt.mqtt5.exceptions.Mqtt5DisconnectException;
import com.hivemq.client.mqtt.mqtt5.message.connect.connack.Mqtt5ConnAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import dev.tern.e2e.support.BrokerExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-client resource limits answered with MQTT 5 reason codes, seen by the HiveMQ client. */
@DisplayName("Per-client resource limits (MQTT 5)")
class ClientLimitsV5Test {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("limits.client-id.max-length=23",
            "limits.client.max-subscriptions=2", "limits.topic.max-length=32", "limits.topic.max-levels=4");

    /** [MQTT-3.1.3-5]: 23 bytes must be accepted; a longer id may be refused with CONNACK 0x85 [MQTT-3.1.3-8]. */
    @Test
    void aClientIdLongerThanTheLimitGetsConnack0x85() {
        Mqtt5BlockingClient client = LimitClients.v5(BROKER.port(), "x".repeat(24)).buildBlocking();

        Mqtt5ConnAckException refused = catchThrowableOfType(Mqtt5ConnAckException.class, client::connect);

        assertThat(refused.getMqttMessage().getReasonCode()).isEqualTo(Mqtt5ConnAckReasonCode.CLIENT_IDENTIFIER_NOT_VALID);
        assertThat(connectedV5(BROKER.port(), "x".repeat(23)).getState().isConnected()).isTrue();
    }

    /** 3.9.3: 0x97 Quota exceeded for each filter past the limit; the others are granted [MQTT-3.8.4-5]. */
    @Test
    void subscriptionsPastTheLimitGetSuback0x97() {
        Mqtt5BlockingClient client = connectedV5(BROKER.port(), "lim5-subs");

        assertThat(subscribe(client, "s/1", "s/2", "s/3")).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1,
                Mqtt5SubAckReasonCode.GRANTED_QOS_1, Mqtt5SubAckReasonCode.QUOTA_EXCEEDED);
        assertThat(subscribe(client, "s/1")).containsExactly(Mqtt5SubAckReasonCode.GRANTED_QOS_1);
        client.disconnect();
    }

    /** 3.9.3: 0x8F Topic Filter invalid for a filter past the length or level bound. */
    @Test
    void aFilterPastTheTopicBoundsGetsSuback0x8F() {
        Mqtt5BlockingClient client = connectedV5(BROKER.port(), "lim5-filter");

        assertThat(subscribe(client, "a/b/c/d/e", "f".repeat(33))).containsExactly(
                Mqtt5SubAckReasonCode.TOPIC_FILTER_INVALID, Mqtt5SubAckReasonCode.TOPIC_FILTER_INVALID);
        client.disconnect();
    }

    /** 3.4.2.1: PUBACK 0x90 Topic Name invalid for a QoS 1 PUBLISH past the topic bounds; the connection stays. */
    @Test
    void aQos1PublishPastTheTopicBoundsGetsPuback0x90() {
        Mqtt5BlockingClient client = connectedV5(BROKER.port(), "lim5-pub");

        assertThat(publishQos1(client, "t".repeat(33), "x", false)).isEqualTo(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID);
        assertThat(publishQos1(client, "a/b/c/d/e", "x", false)).isEqualTo(Mqtt5PubAckReasonCode.TOPIC_NAME_INVALID);
        assertThat(publishQos1(client, "a/b/c/d", "x", false)).isEqualTo(Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
        client.disconnect();
    }

    /** A QoS 0 PUBLISH has no acknowledgement: DISCONNECT 0x90 (3.14.2.1) says why it was refused. */
    @Test
    void aQos0PublishPastTheTopicBoundsGetsDisconnect0x90() {
        AtomicReference<Throwable> cause = new AtomicReference<>();
        Mqtt5BlockingClient client = LimitClients.v5(BROKER.port(), "lim5-pub0")
                .addDisconnectedListener(context -> cause.set(context.getCause())).buildBlocking();
        client.connect();

        client.publishWith().topic("a/b/c/d/e").qos(MqttQos.AT_MOST_ONCE).payload(new byte[] {1}).send();

        await().atMost(Duration.ofSeconds(5)).until(() -> cause.get() != null);
        assertThat(cause.get()).isInstanceOf(Mqtt5DisconnectException.class);
        assertThat(((Mqtt5DisconnectException) cause.get()).getMqttMessage().getReasonCode())
                .isEqualTo(Mqtt5DisconnectReasonCode.TOPIC_NAME_INVALID);
    }
}
