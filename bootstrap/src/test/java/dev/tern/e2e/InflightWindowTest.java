package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.puback;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPublish;
import dev.tern.e2e.support.BrokerExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbound in-flight window ({@code mqtt.max-inflight}): a client that does not acknowledge
 * gets no more than the window, the rest waits in order, and each PUBACK lets the next one go.
 */
@DisplayName("4.3.2 QoS 1 flow: outbound in-flight window")
class InflightWindowTest {

    private static final int WINDOW = 2;

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.max-inflight=" + WINDOW);

    @Test
    void holdsBackMessagesBeyondTheWindowUntilAcknowledged() throws Exception {
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), "window-sub");
                RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "window-pub")) {
            subscriber.send(subscribe(1, "window/t", 1));
            subscriber.readPacket().suback();
            for (int i = 1; i <= 5; i++) {
                publisher.send(publish("window/t", String.valueOf(i), 1, i));
                assertThat(publisher.readPacket().type()).isEqualTo(PacketType.PUBACK);
            }

            ReceivedPublish first = subscriber.readPacket().publish();
            ReceivedPublish second = subscriber.readPacket().publish();
            assertThat(List.of(first.payload(), second.payload())).containsExactly("1", "2");
            assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(300))).isTrue();

            List<String> rest = new ArrayList<>();
            subscriber.send(puback(first.packetId()));
            ReceivedPublish third = subscriber.readPacket().publish();
            rest.add(third.payload());
            assertThat(subscriber.receivesNothingWithin(Duration.ofMillis(200))).isTrue();
            subscriber.send(puback(second.packetId()));
            subscriber.send(puback(third.packetId()));
            for (int i = 0; i < 2; i++) {
                ReceivedPublish next = subscriber.readPacket().publish();
                rest.add(next.payload());
                subscriber.send(puback(next.packetId()));
            }
            assertThat(rest).containsExactly("3", "4", "5");
        }
    }
}
