package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.support.BrokerExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1.2.10 Keep Alive and 3.12 PINGREQ")
class KeepAliveConformanceTest {

    /**
     * One event loop: every connection's keep-alive timer runs on it in deadline order, so a silent
     * client closed for its keep alive proves that the timers of clients connected before it with
     * the same or a shorter keep alive have run too.
     */
    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("listeners.tcp.io-threads=1");

    private static RawMqttClient connected(String clientId, int keepAliveSeconds) throws Exception {
        return RawMqttClient.connected(BROKER.port(), ConnectPacket.v311(clientId).keepAlive(keepAliveSeconds));
    }

    /**
     * [MQTT-3.1.2-24]: nothing received for one and a half keep-alive periods closes the
     * connection. Keep alive 1 s: closed after 1.5 s (not before 1.4 s, allowing for clock
     * granularity) and within 2.5 s.
     */
    @Test
    void closesSilentClientAfterOneAndAHalfKeepAlivePeriods() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), ConnectPacket.v311("silent").keepAlive(1))) {
            long start = System.nanoTime();

            assertThat(client.awaitClosed(Duration.ofMillis(2_500))).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1_400));
        }
    }

    /**
     * [MQTT-3.12.4-1], [MQTT-3.1.2-23]: PINGREQ gets PINGRESP and keeps the connection alive. The
     * client pings until a silent one with the same keep alive, connected after it, is closed: by
     * then it has outlived the one and a half periods that would have closed it without its pings.
     */
    @Test
    void keepsPingingClientOpenAndAnswersEveryPing() throws Exception {
        try (RawMqttClient client = connected("pinger", 1); RawMqttClient silent = connected("pinger-silent", 1)) {
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(300)).until(() -> {
                client.send(pingreq());
                assertThat(client.readPacket(Duration.ofSeconds(1)).type()).isEqualTo(PacketType.PINGRESP);
                return silent.awaitClosed(Duration.ofMillis(20));
            });

            client.send(pingreq());
            assertThat(client.readPacket(Duration.ofSeconds(1)).type()).isEqualTo(PacketType.PINGRESP);
        }
    }

    /**
     * Section 3.1.2.10: keep alive 0 turns the mechanism off, so a silent client stays connected:
     * still after a silent client with keep alive 1, connected after it, has been closed.
     */
    @Test
    void neverClosesClientWithKeepAliveZero() throws Exception {
        try (RawMqttClient client = connected("forever", 0); RawMqttClient silent = connected("forever-silent", 1)) {
            assertThat(silent.awaitClosed(Duration.ofMillis(2_500))).isTrue();

            client.send(pingreq());
            assertThat(client.readPacket().type()).isEqualTo(PacketType.PINGRESP);
        }
    }
}
