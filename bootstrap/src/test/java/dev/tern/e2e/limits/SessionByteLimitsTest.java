package dev.tern.e2e.limits;

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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The byte bounds of a session: queued bytes ({@code limits.session.max-queued-bytes}) drop by the
 * queue overflow policy like the message count does; in-flight bytes ({@code
 * limits.session.max-inflight-bytes}) hold messages in the queue until acknowledgements free room.
 * Each message below is 40 bytes as the bounds count them: the topic {@code lim/b} and 35 payload bytes.
 */
@DisplayName("Per-client resource limits: queued and in-flight bytes")
class SessionByteLimitsTest {

    private static final String TOPIC = "lim/b";

    private static String payload(int n) {
        return String.format("%035d", n);
    }

    @Nested
    @DisplayName("queued bytes, drop-oldest")
    class QueuedBytes {

        @RegisterExtension
        final BrokerExtension broker = BrokerExtension.with("limits.session.max-queued-bytes=100",
                "mqtt.queue-overflow=drop-oldest");

        /** Two 40-byte messages fit in 100 bytes: of five queued while offline, the newest two survive. */
        @Test
        void keepsTheNewestMessagesThatFitInTheBytes() throws Exception {
            ConnectPacket session = ConnectPacket.v311("bytes-sub").cleanSession(false);
            try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), session)) {
                subscriber.send(subscribe(1, TOPIC, 1));
                subscriber.readPacket().suback();
                subscriber.send(disconnect());
                assertThat(subscriber.awaitClosed(Duration.ofSeconds(3))).isTrue();
            }
            try (RawMqttClient publisher = RawMqttClient.connected(broker.port(), "bytes-pub")) {
                for (int i = 1; i <= 5; i++) {
                    publisher.send(publish(TOPIC, payload(i), 1, i));
                    assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBACK);
                }
            }
            List<String> received = new ArrayList<>();
            try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), session)) {
                while (!subscriber.receivesNothingWithin(Duration.ofMillis(500))) {
                    ReceivedPublish message = subscriber.readPacket().publish();
                    received.add(message.payload());
                    subscriber.send(puback(message.packetId()));
                }
            }
            assertThat(received).containsExactly(payload(4), payload(5));
        }
    }

    @Nested
    @DisplayName("in-flight bytes")
    class InflightBytes {

        @RegisterExtension
        final BrokerExtension broker = BrokerExtension.with("limits.session.max-inflight-bytes=100");

        /** Two 40-byte messages fit in flight; the third waits for a PUBACK, and nothing is lost. */
        @Test
        void holdsMessagesPastTheBytesUntilAcknowledged() throws Exception {
            try (RawMqttClient subscriber = RawMqttClient.connected(broker.port(), "inflight-sub");
                    RawMqttClient publisher = RawMqttClient.connected(broker.port(), "inflight-pub")) {
                subscriber.send(subscribe(1, TOPIC, 1));
                subscriber.readPacket().suback();
                for (int i = 1; i <= 4; i++) {
                    publisher.send(publish(TOPIC, payload(i), 1, i));
                    assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBACK);
                }

                ReceivedPublish first = subscriber.readPacket().publish();
                ReceivedPublish second = subscriber.readPacket().publish();
                assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(300))).isTrue();

                subscriber.send(puback(first.packetId()));
                ReceivedPublish third = subscriber.readPacket().publish();
                assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(200))).isTrue();
                subscriber.send(puback(second.packetId()));
                subscriber.send(puback(third.packetId()));
                ReceivedPublish fourth = subscriber.readPacket().publish();

                assertThat(List.of(first, second, third, fourth)).extracting(ReceivedPublish::payload)
                        .containsExactly(payload(1), payload(2), payload(3), payload(4));
            }
        }
    }
}
