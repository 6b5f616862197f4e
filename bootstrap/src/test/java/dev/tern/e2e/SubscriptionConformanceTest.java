package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static dev.tern.e2e.raw.ClientPackets.unsubscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.raw.ReceivedPublish;
import dev.tern.e2e.raw.ReceivedSuback;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.8 SUBSCRIBE, 3.10 UNSUBSCRIBE, 4.7 Topic names and filters")
class SubscriptionConformanceTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    @RegisterExtension
    final BrokerExtension broker = BrokerExtension.with();

    /** Section 4.7.1.2: {@code #} matches the parent level and any number of child levels. */
    @Test
    void multiLevelWildcardMatchesParentAndAllDescendants() throws Exception {
        try (RawMqttClient subscriber = subscribed("hash", "sport/#", 0);
                RawMqttClient publisher = RawMqttClient.connected(broker.port(), "hash-pub")) {
            publisher.send(publish("sport", "parent", 0, 0));
            publisher.send(publish("sport/tennis/player1", "deep", 0, 0));
            publisher.send(publish("sports", "other", 0, 0));
            publisher.send(publish("sport/last", "end", 0, 0));

            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("parent");
            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("deep");
            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("end");
        }
    }

    /** Section 4.7.1.3: {@code +} matches exactly one level, including an empty one [MQTT-4.7.1-3]. */
    @Test
    void singleLevelWildcardMatchesExactlyOneLevel() throws Exception {
        try (RawMqttClient subscriber = subscribed("plus", "sport/+/score", 0);
                RawMqttClient publisher = RawMqttClient.connected(broker.port(), "plus-pub")) {
            publisher.send(publish("sport/tennis/score", "one level", 0, 0));
            publisher.send(publish("sport/tennis/final/score", "two levels", 0, 0));
            publisher.send(publish("sport/score", "no level", 0, 0));
            publisher.send(publish("sport//score", "empty level", 0, 0));

            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("one level");
            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("empty level");
            assertThat(subscriber.receivesNothingWithin(QUIET)).isTrue();
        }
    }

    /** [MQTT-4.7.2-1]: filters starting with a wildcard do not match topics starting with {@code $}. */
    @Test
    void wildcardsAtTheStartDoNotMatchDollarTopics() throws Exception {
        try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), "dollar");
                RawMqttClient publisher = RawMqttClient.connected(broker.port(), "dollar-pub")) {
            // Not $SYS: the broker's own retained $SYS figures would arrive first.
            subscriber.send(subscribe(1, "#", 0, "+/x", 0, "$internal/#", 0));
            assertThat(subscriber.readPacket().suback().returnCodes()).containsExactly(0, 0, 0);

            publisher.send(publish("$internal/x", "dollar", 0, 0));
            publisher.send(publish("$x", "dollar root", 0, 0));
            publisher.send(publish("plain/x", "plain", 0, 0));

            ReceivedPublish viaSysFilter = subscriber.readPacket().publish();
            assertThat(viaSysFilter.topic()).isEqualTo("$internal/x");
            ReceivedPublish plain = subscriber.readPacket().publish();
            assertThat(plain.topic()).isEqualTo("plain/x");
            assertThat(subscriber.receivesNothingWithin(QUIET)).isTrue();
        }
    }

    /**
     * [MQTT-3.3.5-1]: overlapping subscriptions deliver the message at the highest granted QoS;
     * this broker sends one copy, not one per matching filter.
     */
    @Test
    void overlappingSubscriptionsDeliverOneCopyAtHighestQos() throws Exception {
        try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), "overlap");
                RawMqttClient publisher = RawMqttClient.connected(broker.port(), "overlap-pub")) {
            subscriber.send(subscribe(1, "a/+", 0, "a/#", 2, "a/b", 1));
            assertThat(subscriber.readPacket().suback().returnCodes()).containsExactly(0, 2, 1);

            publisher.send(publish("a/b", "once", 2, 1));
            assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBREC);

            ReceivedPublish message = subscriber.readPacket().publish();
            assertThat(message.qos()).isEqualTo(2);
            assertThat(subscriber.receivesNothingWithin(QUIET)).isTrue();
        }
    }

    /**
     * [MQTT-3.8.4-4], [MQTT-3.9.3-1]: one return code per filter, in filter order; an invalid
     * filter ({@code #} not last, [MQTT-4.7.1-2]) gets 0x80 while the others are granted.
     */
    @Test
    void answersEachFilterWithItsOwnReturnCodeIncludingFailure() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(broker.port(), "codes")) {
            client.send(subscribe(77, "q/0", 0, "a/#/b", 1, "q/2", 2, "q/1", 1));

            ReceivedSuback suback = client.readPacket().suback();
            assertThat(suback.packetId()).isEqualTo(77);
            assertThat(suback.returnCodes()).containsExactly(0, 0x80, 2, 1);
        }
    }

    /** [MQTT-3.8.4-3]: a repeated SUBSCRIBE replaces the subscription, so messages are not doubled. */
    @Test
    void repeatedSubscribeReplacesTheSubscription() throws Exception {
        try (RawMqttClient subscriber = subscribed("again", "again/t", 0);
                RawMqttClient publisher = RawMqttClient.connected(broker.port(), "again-pub")) {
            subscriber.send(subscribe(2, "again/t", 1));
            assertThat(subscriber.readPacket().suback().returnCodes()).containsExactly(1);

            publisher.send(publish("again/t", "replaced", 1, 1));
            publisher.readPacket();

            ReceivedPublish message = subscriber.readPacket().publish();
            assertThat(message.qos()).isEqualTo(1);
            assertThat(subscriber.receivesNothingWithin(QUIET)).isTrue();
        }
    }

    /** [MQTT-3.10.4-2], [MQTT-3.10.4-4]: UNSUBACK with the packet id; delivery stops. */
    @Test
    void unsubscribeStopsDeliveryAndIsAcknowledged() throws Exception {
        try (RawMqttClient subscriber = subscribed("unsub", "unsub/t", 0);
                RawMqttClient publisher = RawMqttClient.connected(broker.port(), "unsub-pub")) {
            publisher.send(publish("unsub/t", "before", 0, 0));
            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("before");

            subscriber.send(unsubscribe(31, "unsub/t"));
            ReceivedPacket unsuback = subscriber.readPacket();
            assertThat(unsuback.type()).isEqualTo(PacketType.UNSUBACK);
            assertThat(unsuback.packetId()).isEqualTo(31);

            publisher.send(publish("unsub/t", "after", 0, 0));
            assertThat(subscriber.receivesNothingWithin(QUIET)).isTrue();
        }
    }

    /** [MQTT-3.10.4-5]: UNSUBACK is sent even when no filter matched a subscription. */
    @Test
    void acknowledgesUnsubscribeOfUnknownFilter() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(broker.port(), "unsub-unknown")) {
            client.send(unsubscribe(5, "never/subscribed"));

            ReceivedPacket unsuback = client.readPacket();
            assertThat(unsuback.type()).isEqualTo(PacketType.UNSUBACK);
            assertThat(unsuback.packetId()).isEqualTo(5);
        }
    }

    private RawMqttClient subscribed(String clientId, String filter, int qos) throws IOException {
        RawMqttClient client = RawMqttClient.connected(broker.port(), clientId);
        client.send(subscribe(1, filter, qos));
        assertThat(client.readPacket().suback().returnCodes()).containsExactly(qos);
        return client;
    }
}
