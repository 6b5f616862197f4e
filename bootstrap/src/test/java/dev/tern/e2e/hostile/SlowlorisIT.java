package dev.tern.e2e.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slowloris: connections that hold a socket without ever finishing CONNECT, some sending it a byte
 * every two seconds, most sending nothing. The broker's connect timeout ({@code mqtt.connect-timeout},
 * 10 s by default) counts from the accept, not from the last byte, so trickling does not keep a
 * connection alive.
 */
@DisplayName("Hostile clients: slowloris")
class SlowlorisIT {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Scheduling slack on a loaded two-core machine. */
    private static final Duration SLACK = Duration.ofSeconds(5);
    private static final Duration BYTE_EVERY = Duration.ofSeconds(2);
    private static final int TRICKLING = 200;
    private static final int SILENT = 3_000;

    @TempDir
    Path dir;

    @Test
    void connectionsThatNeverFinishConnectAreClosedAtTheConnectTimeoutWhileOthersAreServed() throws Exception {
        try (HostileBroker broker = HostileBroker.start(dir)) {
            BrokerFootprint before = broker.footprint();
            BrokerFootprint during;
            try (Bystander bystander = Bystander.start(broker.port());
                    SocketHerd silent = SocketHerd.open(broker.port(), SILENT);
                    SocketHerd trickling = SocketHerd.open(broker.port(), TRICKLING)) {
                long opened = System.nanoTime();
                byte[] connect = ConnectPacket.v311("slowloris").toBytes();
                // Sent whole, the CONNECT would take connect.length * 2 s: far past the timeout.
                assertThat(BYTE_EVERY.multipliedBy(connect.length)).isGreaterThan(CONNECT_TIMEOUT.plus(SLACK));

                trickling.sendToEach(new byte[] {connect[0]});
                trickling.watch(BYTE_EVERY);
                during = broker.footprint();
                for (int i = 1; i < connect.length && trickling.closedByBroker() < TRICKLING; i++) {
                    trickling.sendToEach(new byte[] {connect[i]});
                    trickling.watch(BYTE_EVERY);
                }
                Duration trickledFor = Duration.ofNanos(System.nanoTime() - opened);

                assertThat(trickling.closedByBroker()).as("trickling connections closed after %s", trickledFor)
                        .isEqualTo(TRICKLING);
                assertThat(trickledFor).isLessThanOrEqualTo(CONNECT_TIMEOUT.plus(SLACK));
                assertThat(silent.awaitAllClosed(SLACK)).as("silent connections closed: %d of %d",
                        silent.closedByBroker(), SILENT).isTrue();
                assertThat(trickling.bytesReceived() + silent.bytesReceived()).as("bytes the broker answered").isZero();
                bystander.assertServedWithin(Duration.ofSeconds(2), 10);
            }
            BrokerFootprint after = broker.footprint();
            System.out.printf("slowloris, %d trickling and %d silent sockets: before %s; during %s; after %s%n",
                    TRICKLING, SILENT, before, during, after);
            new FootprintBudget(32).assertHeld(before, during);
            FootprintBudget.assertNoDescriptorsLeaked(before, after);
            assertThat(broker.isAlive()).isTrue();
        }
    }
}
