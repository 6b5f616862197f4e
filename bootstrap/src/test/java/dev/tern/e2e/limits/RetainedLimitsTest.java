package dev.tern.e2e.limits;

import static dev.tern.e2e.limits.LimitClients.connectedV5;
import static dev.tern.e2e.limits.LimitClients.publishQos1;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.puback.Mqtt5PubAckReasonCode;
import dev.tern.e2e.limits.LimitClients.Paho3;
import dev.tern.e2e.support.BrokerExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The retained store's limits ({@code limits.retained.max-messages}, {@code max-bytes}) under both
 * policies of {@code limits.retained.when-full}. {@code sys.interval=0}: no {@code $SYS} topics take room.
 */
@DisplayName("Retained store limits")
class RetainedLimitsTest {

    /** The retained messages a new subscriber to {@code filter} is sent, by payload. */
    private static List<String> retainedFor(int port, String clientId, String filter) throws Exception {
        Mqtt5BlockingClient client = connectedV5(port, clientId);
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = client.publishes(com.hivemq.client.mqtt.MqttGlobalPublishFilter.ALL)) {
            client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send();
            List<String> payloads = new ArrayList<>();
            for (Optional<Mqtt5Publish> next = publishes.receive(500, TimeUnit.MILLISECONDS); next.isPresent();
                    next = publishes.receive(500, TimeUnit.MILLISECONDS)) {
                payloads.add(new String(next.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
            }
            return payloads;
        } finally {
            client.disconnect();
        }
    }

    @Nested
    @DisplayName("refuse")
    class Refuse {

        @RegisterExtension
        final BrokerExtension broker = BrokerExtension.with("sys.interval=0", "limits.retained.max-messages=2",
                "limits.retained.when-full=refuse");

        /** 3.4.2.1: PUBACK 0x97 Quota exceeded for a new retained topic; replacing a kept one still works. */
        @Test
        void aNewRetainedTopicPastTheLimitGetsPuback0x97() throws Exception {
            Mqtt5BlockingClient publisher = connectedV5(broker.port(), "ret-pub");
            assertThat(publishQos1(publisher, "ret/a", "a1", true)).isIn(Mqtt5PubAckReasonCode.SUCCESS,
                    Mqtt5PubAckReasonCode.NO_MATCHING_SUBSCRIBERS);
            publishQos1(publisher, "ret/b", "b1", true);

            assertThat(publishQos1(publisher, "ret/c", "c1", true)).isEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
            assertThat(publishQos1(publisher, "ret/a", "a2", true)).isNotEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
            publisher.disconnect();

            assertThat(retainedFor(broker.port(), "ret-check", "ret/#")).containsExactlyInAnyOrder("a2", "b1");
        }

        /** 3.1.1 has no way to refuse a PUBLISH: the connection closes, and nothing is retained. */
        @Test
        void aNewRetainedTopicPastTheLimitClosesAnMqtt311Connection() throws Exception {
            try (Paho3 client = new Paho3(broker.uri(), "ret3-pub").connect(true)) {
                client.client.publish("ret3/a", "a".getBytes(StandardCharsets.UTF_8), 1, true);
                client.client.publish("ret3/b", "b".getBytes(StandardCharsets.UTF_8), 1, true);
                client.publishBeforeTheClose("ret3/c", "c".getBytes(StandardCharsets.UTF_8), true);

                client.assertClosedByBroker();
            }
            assertThat(retainedFor(broker.port(), "ret3-check", "ret3/#")).containsExactlyInAnyOrder("a", "b");
        }
    }

    @Nested
    @DisplayName("drop-oldest")
    class DropOldest {

        @RegisterExtension
        final BrokerExtension broker = BrokerExtension.with("sys.interval=0", "limits.retained.max-messages=2",
                "limits.retained.when-full=drop-oldest");

        /** The topic retained longest ago makes room for the new one; the publisher is told nothing went wrong. */
        @Test
        void aNewRetainedTopicReplacesTheOldest() throws Exception {
            Mqtt5BlockingClient publisher = connectedV5(broker.port(), "drop-pub");
            publishQos1(publisher, "old/a", "a", true);
            publishQos1(publisher, "old/b", "b", true);
            publishQos1(publisher, "old/a", "a2", true);     // a is now newer than b

            assertThat(publishQos1(publisher, "old/c", "c", true)).isNotEqualTo(Mqtt5PubAckReasonCode.QUOTA_EXCEEDED);
            publisher.disconnect();

            assertThat(retainedFor(broker.port(), "drop-check", "old/#")).containsExactlyInAnyOrder("a2", "c");
        }
    }
}
