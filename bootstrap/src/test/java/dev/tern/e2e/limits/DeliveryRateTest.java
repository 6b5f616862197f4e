package dev.tern.e2e.limits;

import static dev.tern.e2e.limits.LimitClients.connectedV5;
import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import dev.tern.e2e.support.BrokerExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The per-subscriber delivery rate ({@code limits.delivery.rate}, here 5 a second with a burst of
 * 1): a clean session loses what goes above it, a persistent one gets everything, later.
 */
@DisplayName("Per-subscriber delivery rate limit")
class DeliveryRateTest {

    private static final int SENT = 10;

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("limits.delivery.rate=5", "limits.delivery.burst=1");

    private static List<String> receiveUntilQuiet(Mqtt5BlockingClient.Mqtt5Publishes publishes) throws Exception {
        List<String> payloads = new ArrayList<>();
        for (Optional<Mqtt5Publish> next = publishes.receive(1, TimeUnit.SECONDS); next.isPresent();
                next = publishes.receive(1, TimeUnit.SECONDS)) {
            payloads.add(new String(next.get().getPayloadAsBytes(), StandardCharsets.UTF_8));
        }
        return payloads;
    }

    private static void publishAll(String topic, MqttQos qos) {
        Mqtt5BlockingClient publisher = connectedV5(BROKER.port(), topic + "-pub");
        for (int i = 1; i <= SENT; i++) {
            publisher.publishWith().topic(topic).qos(qos).payload(String.valueOf(i).getBytes(StandardCharsets.UTF_8))
                    .send();
        }
        publisher.disconnect();
    }

    /** Ten QoS 0 messages sent at once: the first goes out, and most of the rest are dropped. */
    @Test
    void aCleanSessionLosesWhatGoesAboveTheRate() throws Exception {
        Mqtt5BlockingClient subscriber = connectedV5(BROKER.port(), "rate-clean");
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("rate/clean").qos(MqttQos.AT_MOST_ONCE).send();

            publishAll("rate/clean", MqttQos.AT_MOST_ONCE);

            List<String> received = receiveUntilQuiet(publishes);
            assertThat(received).startsWith("1").hasSizeLessThan(SENT);
        } finally {
            subscriber.disconnect();
        }
    }

    /** Ten QoS 1 messages sent at once to a persistent session: all arrive, in order, as the rate allows. */
    @Test
    void aPersistentSessionGetsEverythingLater() throws Exception {
        Mqtt5BlockingClient subscriber = LimitClients.v5(BROKER.port(), "rate-persistent").buildBlocking();
        subscriber.connectWith().cleanStart(true).sessionExpiryInterval(300).send();
        try (Mqtt5BlockingClient.Mqtt5Publishes publishes = subscriber.publishes(MqttGlobalPublishFilter.ALL)) {
            subscriber.subscribeWith().topicFilter("rate/kept").qos(MqttQos.AT_LEAST_ONCE).send();

            publishAll("rate/kept", MqttQos.AT_LEAST_ONCE);

            assertThat(receiveUntilQuiet(publishes))
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, SENT).mapToObj(String::valueOf).toList());
        } finally {
            subscriber.disconnect();
        }
    }
}
