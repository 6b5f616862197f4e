package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.disconnect;
import static dev.tern.e2e.raw.ClientPackets.puback;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPublish;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The queue of an offline persistent session is bounded ({@code mqtt.max-queued-messages}); what
 * overflows is dropped by policy. The spec allows this (section 4.1: storage is finite); these
 * tests pin down which messages survive.
 */
@DisplayName("4.1 Storing state: bounded offline queue")
class BoundedQueueTest {

    private static final int QUEUE_LIMIT = 5;
    private static final int PUBLISHED = 12;

    /** Nothing is in flight while offline, so exactly the queue limit survives. */
    @Nested
    @DisplayName("refuse-newest")
    class RefuseNewest {

        @RegisterExtension
        final BrokerExtension broker = BrokerExtension.with(
                "mqtt.max-queued-messages=" + QUEUE_LIMIT, "mqtt.queue-overflow=refuse-newest");

        @Test
        void keepsTheOldestMessagesUpToTheLimit() throws Exception {
            List<Integer> received = fillOfflineQueueAndDrain(broker.port());

            assertThat(received).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Nested
    @DisplayName("drop-oldest")
    class DropOldest {

        @RegisterExtension
        final BrokerExtension broker = BrokerExtension.with(
                "mqtt.max-queued-messages=" + QUEUE_LIMIT, "mqtt.queue-overflow=drop-oldest");

        @Test
        void keepsTheNewestMessagesUpToTheLimit() throws Exception {
            List<Integer> received = fillOfflineQueueAndDrain(broker.port());

            assertThat(received).containsExactly(8, 9, 10, 11, 12);
        }
    }

    /**
     * Subscribes a persistent session at QoS 1, takes it offline, publishes {@link #PUBLISHED}
     * messages numbered from 1, reconnects, and returns the numbers delivered.
     */
    private static List<Integer> fillOfflineQueueAndDrain(int port) throws IOException {
        ConnectPacket session = ConnectPacket.v311("bounded").cleanSession(false);
        try (RawMqttClient subscriber = RawMqttClient.connected(port, session)) {
            subscriber.send(subscribe(1, "bounded/t", 1));
            subscriber.readPacket().suback();
            subscriber.send(disconnect());
            assertThat(subscriber.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
        try (RawMqttClient publisher = RawMqttClient.connected(port, "bounded-pub")) {
            for (int i = 1; i <= PUBLISHED; i++) {
                publisher.send(publish("bounded/t", String.valueOf(i), 1, i));
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBACK);
            }
        }
        List<Integer> received = new ArrayList<>();
        try (RawMqttClient subscriber = RawMqttClient.connected(port, session)) {
            while (!subscriber.receivesNothingWithin(Duration.ofMillis(500))) {
                ReceivedPublish message = subscriber.readPacket().publish();
                received.add(Integer.parseInt(message.payload()));
                subscriber.send(puback(message.packetId()));
            }
        }
        return received;
    }
}
