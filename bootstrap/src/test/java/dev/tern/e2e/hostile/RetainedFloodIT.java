package dev.tern.e2e.hostile;

import static dev.tern.e2e.raw.ClientPackets.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client floods retained messages at QoS 0 as fast as TCP carries them: 20,000 on distinct
 * topics, then 20,000 more on a single topic, then clears them all. With the defaults nothing
 * refuses them (a retained store limit would): the others are served during the flood, the
 * retained store costs what it holds, overwrites cost nothing once stored, and clearing gives the
 * memory back.
 *
 * <p>What the flood costs while it runs is more: QoS 0 publishes wait for no commit, so the
 * writes the default H2 store has not committed yet pile up in memory ({@code
 * tern_storage_backlog}; tens of thousands here) until the store catches up. The bound asserted
 * during the flood holds because this flood ends; a longer one grows the backlog with it (see
 * docs/hardening.md, "Hostile-client tests").
 */
@DisplayName("Hostile clients: a retained-message flood")
class RetainedFloodIT {

    private static final int TOPICS = 20_000;
    private static final int OVERWRITES = 20_000;
    private static final int BATCH = 500;
    private static final int LONG_FLOOD = 300_000;
    /** More than the broker's own retained {@code $SYS} topics. */
    private static final int SYS_TOPICS = 100;
    private static final String PAYLOAD = "r".repeat(200);

    @TempDir
    Path dir;

    @Test
    void floodOfRetainedMessagesCostsWhatIsRetainedOnceStoredAndIsGivenBackWhenCleared() throws Exception {
        try (HostileBroker broker = HostileBroker.start(dir)) {
            BrokerFootprint before = broker.footprint();
            BrokerFootprint flooded;
            BrokerFootprint stored;
            try (Bystander bystander = Bystander.start(broker.port());
                    RawMqttClient flooder = RawMqttClient.connected(broker.port(), "flooder")) {
                flood(flooder, TOPICS, i -> publish("flood/" + i, PAYLOAD, 0, 0, false, true));
                flood(flooder, OVERWRITES, i -> publish("flood/same", PAYLOAD + i, 0, 0, false, true));
                flooded = broker.footprint();
                awaitStoreCaughtUp(broker);
                // The broker's own $SYS topics are retained too: a few dozen at most.
                double retained = broker.metric("tern_retained_messages", "");
                assertThat(retained).isGreaterThan(TOPICS).isLessThan(TOPICS + 1 + SYS_TOPICS);
                stored = broker.footprint();

                flood(flooder, TOPICS, i -> publish("flood/" + i, "", 0, 0, false, true));
                flooder.send(publish("flood/same", "", 0, 0, false, true));
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> broker.metric("tern_retained_messages", "") < SYS_TOPICS);
                bystander.assertServedWithin(Duration.ofSeconds(2), 5);
            }
            awaitStoreCaughtUp(broker);
            BrokerFootprint after = broker.footprint();
            System.out.printf("retained flood of %d topics and %d overwrites: before %s; at the end of the flood %s; "
                    + "stored %s; after clearing %s%n", TOPICS, OVERWRITES, before, flooded, stored, after);
            new FootprintBudget(128).assertHeld(before, flooded);
            new FootprintBudget(48).assertHeld(before, stored);
            // The H2 store's page cache keeps a few megabytes of what it wrote.
            new FootprintBudget(12).assertHeld(before, after);
            FootprintBudget.assertNoDescriptorsLeaked(before, after);
        }
    }

    /**
     * A flood the store cannot keep pace with: 300,000 overwrites of 1 KB on one topic. Without
     * overload protection the store backlog alone exhausted the 256 MB heap (the store only ever
     * holds one message); with it the flooder is paused while the backlog is above its high-water
     * mark, and the broker lives. A bystander publishing beside it is light and the backlog stops
     * rising once the flooder is paused, so the bystander is never paused and is served
     * throughout: during the flood and while the store catches up. Judged by the broker's own
     * account (no more than the flooder paused at once) and by progress (round trips completed in
     * every episode, see {@link OverloadWatch}), not by a bound on the round trips: on a machine
     * busy with other work a round trip may take seconds although nobody held it back, and a
     * bystander held back only briefly would pass a bound.
     */
    @Test
    void overwriteFloodFasterThanTheStoreIsPausedInsteadOfExhaustingTheHeap() throws Exception {
        String payload = "o".repeat(1000);
        try (HostileBroker broker = HostileBroker.start(dir)) {
            BrokerFootprint before = broker.footprint();
            BrokerFootprint flooded;
            try (Bystander bystander = Bystander.start(broker.port());
                    RawMqttClient flooder = RawMqttClient.connected(broker.port(), "flooder")) {
                try (OverloadWatch watch = OverloadWatch.start(broker, bystander)) {
                    flood(flooder, LONG_FLOOD, i -> publish("flood/same", payload + i, 0, 0, false, true));
                    flooded = broker.footprint();
                    awaitStoreCaughtUp(broker);
                    watch.close();
                    watch.assertBystanderServedAndOnlyFloodersPaused(1);
                }
                bystander.assertServed(5);
            }
            BrokerFootprint after = broker.footprint();
            System.out.printf("retained overwrite flood of %d x 1 KB: before %s; at its end %s; caught up %s%n",
                    LONG_FLOOD, before, flooded, after);
            assertThat(broker.isAlive()).isTrue();
            new FootprintBudget(12).assertHeld(before, after);
        }
    }

    private static void awaitStoreCaughtUp(HostileBroker broker) {
        await().atMost(Duration.ofSeconds(90)).until(() -> broker.metric("tern_storage_backlog", "") == 0);
    }

    /**
     * Sends {@code count} packets in writes of {@value #BATCH}, then a QoS 1 PUBLISH whose PUBACK
     * says the broker has read them all (it handles one connection's packets in order).
     */
    private static void flood(RawMqttClient client, int count, IntFunction<byte[]> packet) throws IOException {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        for (int i = 0; i < count; i++) {
            batch.write(packet.apply(i));
            if ((i + 1) % BATCH == 0 || i == count - 1) {
                client.send(batch.toByteArray());
                batch.reset();
            }
        }
        client.send(publish("flood-marker", "", 1, 1));
        assertThat(client.readPacket(Duration.ofSeconds(60)).type()).isEqualTo(PacketType.PUBACK);
    }
}
