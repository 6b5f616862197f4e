package dev.tern.e2e.hostile;

import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPublish;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One client asks for 100,000 topic filters (a hundred SUBSCRIBE packets of a thousand each). The
 * default {@code limits.client.max-subscriptions} (10,000) grants the first 10,000 and refuses
 * the rest (3.1.1 SUBACK 0x80, counted in {@code tern_limits_exceeded{limit="subscriptions"}}):
 * the broker keeps routing what it granted, serves the others, and gives the memory back when the
 * client leaves.
 */
@DisplayName("Hostile clients: 100,000 subscriptions asked for by one client")
class ManySubscriptionsIT {

    private static final int PACKETS = 100;
    private static final int FILTERS_PER_PACKET = 1_000;
    private static final int REQUESTED = PACKETS * FILTERS_PER_PACKET;
    /** The default of {@code limits.client.max-subscriptions}. */
    private static final int GRANTED = 10_000;
    private static final int REFUSED = 0x80;

    @TempDir
    Path dir;

    @Test
    void hundredThousandSubscriptionsAreGrantedUpToTheLimitStayRoutableAndAreFreedWhenTheClientLeaves()
            throws Exception {
        try (HostileBroker broker = HostileBroker.start(dir)) {
            BrokerFootprint before = broker.footprint();
            BrokerFootprint during;
            try (Bystander bystander = Bystander.start(broker.port());
                    RawMqttClient hoarder = RawMqttClient.connected(broker.port(), "hoarder")) {
                int granted = 0;
                int refused = 0;
                for (int p = 0; p < PACKETS; p++) {
                    Object[] filters = new Object[FILTERS_PER_PACKET * 2];
                    for (int f = 0; f < FILTERS_PER_PACKET; f++) {
                        filters[2 * f] = "hoard/" + p + "/" + f + "/+";
                        filters[2 * f + 1] = 0;
                    }
                    hoarder.send(subscribe(p + 1, filters));
                    List<Integer> codes = hoarder.readPacket(Duration.ofSeconds(30)).suback().returnCodes();
                    granted += (int) codes.stream().filter(code -> code == 0).count();
                    refused += (int) codes.stream().filter(code -> code == REFUSED).count();
                }
                assertThat(granted).isEqualTo(GRANTED);
                assertThat(refused).isEqualTo(REQUESTED - GRANTED);
                assertThat(broker.metric("tern_limits_exceeded_total", "limit=\"subscriptions\""))
                        .isEqualTo(REQUESTED - GRANTED);
                assertThat(broker.metric("tern_subscriptions", "")).isGreaterThanOrEqualTo(GRANTED);

                hoarder.send(publish("hoard/5/321/x", "still routed", 0, 0));
                ReceivedPublish routed = hoarder.readPacket(Duration.ofSeconds(10)).publish();
                assertThat(routed.topic()).isEqualTo("hoard/5/321/x");
                during = broker.footprint();
                bystander.assertServedWithin(Duration.ofSeconds(2), 5);
            }
            // A clean session ends with its connection, and its subscriptions with it.
            await().atMost(Duration.ofSeconds(30)).until(() -> broker.metric("tern_subscriptions", "") < 10);
            BrokerFootprint after = broker.footprint();
            System.out.printf("100,000 subscriptions asked, %d granted: before %s; with them %s; after the client left %s%n",
                    GRANTED, before, during, after);
            new FootprintBudget(32).assertHeld(before, during);
            new FootprintBudget(8).assertHeld(before, after);
            FootprintBudget.assertNoDescriptorsLeaked(before, after);
        }
    }
}
