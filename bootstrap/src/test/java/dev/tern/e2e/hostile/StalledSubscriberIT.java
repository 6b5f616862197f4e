package dev.tern.e2e.hostile;

import static dev.tern.e2e.raw.ClientPackets.puback;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.raw.ReceivedPublish;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subscriber stops reading its socket while a publisher goes on: 10,000 messages of 1 KB to
 * each of its two subscriptions, one at QoS 0 and one at QoS 1. Once the socket's buffers and the
 * QoS 1 in-flight window are full, the broker queues for it up to {@code mqtt.max-queued-messages}
 * (1,000) and then applies {@code mqtt.queue-overflow} (drop-oldest): its memory stays bounded,
 * every message is either delivered or counted as dropped, and the newest survive.
 */
@DisplayName("Hostile clients: a subscriber that stops reading")
class StalledSubscriberIT {

    private static final int MESSAGES = 10_000;
    private static final int BATCH = 500;
    private static final String PADDING = "p".repeat(1000);
    private static final Duration QUIET = Duration.ofSeconds(3);

    @TempDir
    Path dir;

    @Test
    void stalledSubscriberCostsNoMoreThanItsQueueAndGetsTheNewestMessagesWhenItReadsAgain() throws Exception {
        try (HostileBroker broker = HostileBroker.start(dir)) {
            BrokerFootprint before = broker.footprint();
            BrokerFootprint during;
            Map<String, Integer> received = new HashMap<>();
            Map<String, Integer> newest = new HashMap<>();
            try (Bystander bystander = Bystander.start(broker.port());
                    RawMqttClient stalled = RawMqttClient.connected(broker.port(), "stalled");
                    RawMqttClient publisher = RawMqttClient.connected(broker.port(), "publisher")) {
                stalled.send(subscribe(1, "stalled/q0", 0, "stalled/q1", 1));
                assertThat(stalled.readPacket().suback().returnCodes()).containsExactly(0, 1);

                // From here the subscriber reads nothing until the publisher is done.
                for (int first = 0; first < MESSAGES; first += BATCH) {
                    publishBatch(publisher, first);
                }
                during = broker.footprint();
                double dropped = broker.metric("tern_messages_dropped_total", "reason=\"queue_full\"");
                assertThat(dropped).as("messages dropped by the queue policy").isPositive();

                readUntilQuiet(stalled, received, newest);
                assertThat(received.values().stream().mapToInt(Integer::intValue).sum() + dropped)
                        .as("delivered %s plus dropped", received).isEqualTo(2.0 * MESSAGES);
                // drop-oldest: the last message of each topic is among those delivered.
                assertThat(newest).containsEntry("stalled/q0", MESSAGES - 1).containsEntry("stalled/q1", MESSAGES - 1);
                bystander.assertServedWithin(Duration.ofSeconds(2), 5);
            }
            BrokerFootprint after = broker.footprint();
            System.out.printf("stalled subscriber, %d messages of 1 KB to each of two topics, %s delivered: "
                    + "before %s; stalled %s; after %s%n", MESSAGES, received, before, during, after);
            new FootprintBudget(32).assertHeld(before, during);
            FootprintBudget.assertNoDescriptorsLeaked(before, after);
        }
    }

    /** QoS 1 to both topics, then the batch's PUBACKs: the broker has routed it when they are in. */
    private static void publishBatch(RawMqttClient publisher, int first) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int seq = first; seq < first + BATCH; seq++) {
            batch.write(publish("stalled/q0", seq + " " + PADDING, 1, 2 * seq + 1));
            batch.write(publish("stalled/q1", seq + " " + PADDING, 1, 2 * seq + 2));
        }
        publisher.send(batch.toByteArray());
        for (int i = 0; i < 2 * BATCH; i++) {
            assertThat(publisher.readPacket(Duration.ofSeconds(30)).type()).isEqualTo(PacketType.PUBACK);
        }
    }

    /** Reads (acknowledging QoS 1) until nothing comes for {@link #QUIET}; counts per topic, keeps the newest. */
    private static void readUntilQuiet(RawMqttClient client, Map<String, Integer> received, Map<String, Integer> newest)
            throws IOException {
        while (!client.receivesNothingWithin(QUIET)) {
            ReceivedPacket packet = client.readPacket();
            ReceivedPublish message = packet.publish();
            if (message.qos() == 1) {
                client.send(puback(message.packetId()));
            }
            int seq = Integer.parseInt(message.payload().substring(0, message.payload().indexOf(' ')));
            received.merge(message.topic(), 1, Integer::sum);
            newest.merge(message.topic(), seq, Math::max);
        }
    }
}
