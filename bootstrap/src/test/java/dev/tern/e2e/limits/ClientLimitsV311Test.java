package dev.tern.e2e.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.tern.e2e.limits.LimitClients.Paho3;
import dev.tern.e2e.support.BrokerExtension;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-client resource limits on MQTT 3.1.1, seen by the Paho client: its failure codes, or a closed connection. */
@DisplayName("Per-client resource limits (MQTT 3.1.1)")
class ClientLimitsV311Test {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("limits.client-id.max-length=23",
            "limits.client.max-subscriptions=2", "limits.topic.max-length=32", "limits.topic.max-levels=4");

    /** [MQTT-3.1.3-9]: CONNACK 0x02 Identifier rejected, then the connection closes. */
    @Test
    void aClientIdLongerThanTheLimitGetsConnack0x02() throws Exception {
        try (Paho3 client = new Paho3(BROKER.uri(), "x".repeat(24))) {
            MqttException refused = catchThrowableOfType(MqttException.class, () -> client.connect(true));

            assertThat(refused.getReasonCode()).isEqualTo(MqttException.REASON_CODE_INVALID_CLIENT_ID);
        }
    }

    /** 3.9.3: 0x80 Failure for each filter past the limit or the topic bounds; the others are granted [MQTT-3.8.4-5]. */
    @Test
    void subscriptionsPastTheLimitsGetSuback0x80() throws Exception {
        try (Paho3 client = new Paho3(BROKER.uri(), "lim3-subs").connect(true)) {
            IMqttToken first = client.client.subscribeWithResponse(new String[] {"a/b/c/d/e", "s/1", "s/2", "s/3"},
                    new int[] {1, 1, 1, 1});

            assertThat(first.getGrantedQos()).containsExactly(0x80, 1, 1, 0x80);
        }
    }

    /** 3.1.1 has no reason code on PUBACK: a PUBLISH past the topic bounds closes the connection. */
    @Test
    void aPublishPastTheTopicBoundsClosesTheConnection() throws Exception {
        try (Paho3 client = new Paho3(BROKER.uri(), "lim3-pub").connect(true)) {
            client.publishBeforeTheClose("t".repeat(33), new byte[] {1}, false);

            client.assertClosedByBroker();
        }
    }
}
