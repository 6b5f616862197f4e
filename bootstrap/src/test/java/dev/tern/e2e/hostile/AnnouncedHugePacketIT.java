package dev.tern.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.RawMqttClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Remaining Length of 268,435,450 bytes (the largest within the default
 * {@code mqtt.max-packet-size} of 268,435,455, which counts the five header bytes too; one more
 * and the header alone is refused) announced and never sent, before CONNECT and after it.
 * The broker holds what arrived, not what was announced: before the fix one such header made it
 * allocate 268 MB, more than this heap. The connect timeout ends the first kind, the keep alive
 * the second.
 */
@DisplayName("Hostile clients: a 268 MB packet announced and never sent")
class AnnouncedHugePacketIT {

    private static final int BEFORE_CONNECT = 100;
    private static final int AFTER_CONNECT = 50;
    private static final int KEEP_ALIVE_SECONDS = 4;
    /** CONNECT and PUBLISH fixed headers announcing 268,435,450 bytes ({@code FA FF FF 7F}), and a few body bytes. */
    private static final byte[] HUGE_CONNECT = {0x10, (byte) 0xFA, (byte) 0xFF, (byte) 0xFF, 0x7F, 0, 4, 'M', 'Q', 'T', 'T'};
    private static final byte[] HUGE_PUBLISH = {0x30, (byte) 0xFA, (byte) 0xFF, (byte) 0xFF, 0x7F, 0, 3, 'a', '/', 'b'};
    private static final Duration SLACK = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    @Test
    void announcedButUnsentBodiesCostNoMemoryAndTheirConnectionsEndAtTheirTimeouts() throws Exception {
        try (HostileBroker broker = HostileBroker.start(dir)) {
            BrokerFootprint before = broker.footprint();
            BrokerFootprint during;
            List<RawMqttClient> connected = new ArrayList<>();
            try (Bystander bystander = Bystander.start(broker.port());
                    SocketHerd unconnected = SocketHerd.open(broker.port(), BEFORE_CONNECT)) {
                for (int i = 0; i < AFTER_CONNECT; i++) {
                    connected.add(RawMqttClient.connected(broker.port(),
                            ConnectPacket.v311("huge-" + i).keepAlive(KEEP_ALIVE_SECONDS)));
                }
                unconnected.sendToEach(HUGE_CONNECT);
                for (RawMqttClient client : connected) {
                    client.send(HUGE_PUBLISH);
                }
                during = broker.footprint();

                // The keep alive allows 1.5 times its interval of silence [MQTT-3.1.2-24].
                Duration keepAliveLimit = Duration.ofMillis(KEEP_ALIVE_SECONDS * 1500L);
                for (RawMqttClient client : connected) {
                    assertThat(client.awaitClosed(keepAliveLimit.plus(SLACK))).as("connected client closed").isTrue();
                }
                assertThat(unconnected.awaitAllClosed(Duration.ofSeconds(10).plus(SLACK)))
                        .as("unconnected sockets closed: %d of %d", unconnected.closedByBroker(), BEFORE_CONNECT).isTrue();
                bystander.assertServedWithin(Duration.ofSeconds(2), 5);
            } finally {
                for (RawMqttClient client : connected) {
                    client.close();
                }
            }
            assertThat(broker.isAlive()).as("broker alive; it printed:%n%s", broker.tail()).isTrue();
            new FootprintBudget(16).assertHeld(before, during);
            FootprintBudget.assertNoDescriptorsLeaked(before, broker.footprint());
            System.out.printf("announced 268,435,450 bytes x %d: before %s; during %s%n", BEFORE_CONNECT + AFTER_CONNECT, before, during);
        }
    }
}
