package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static org.assertj.core.api.Assertions.assertThat;

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

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

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

    /** [MQTT-3.12.4-1], [MQTT-3.1.2-23]: PINGREQ gets PINGRESP and keeps the connection alive. */
    @Test
    void keepsPingingClientOpenAndAnswersEveryPing() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), ConnectPacket.v311("pinger").keepAlive(1))) {
            for (int i = 0; i < 5; i++) {
                Thread.sleep(500);
                client.send(pingreq());
                assertThat(client.readPacket(Duration.ofSeconds(1)).type()).isEqualTo(PacketType.PINGRESP);
            }
            assertThat(client.awaitClosed(Duration.ofMillis(300))).isFalse();
        }
    }

    /** Section 3.1.2.10: keep alive 0 turns the mechanism off, so a silent client stays connected. */
    @Test
    void neverClosesClientWithKeepAliveZero() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), ConnectPacket.v311("forever").keepAlive(0))) {
            assertThat(client.awaitClosed(Duration.ofMillis(2_200))).isFalse();

            client.send(pingreq());
            assertThat(client.readPacket().type()).isEqualTo(PacketType.PINGRESP);
        }
    }
}
