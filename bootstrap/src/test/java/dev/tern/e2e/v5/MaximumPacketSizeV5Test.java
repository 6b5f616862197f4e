package dev.tern.e2e.v5;

import static dev.tern.e2e.raw.Received5.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.support.BrokerExtension;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("3.1.2.11.4 / 3.2.2.3.6 Maximum Packet Size (MQTT 5)")
class MaximumPacketSizeV5Test {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.max-packet-size=1000");

    /** [MQTT-3.1.2-25]: a message too large for the client is not sent to it; others still get it. */
    @Test
    void withholdsAMessageLargerThanTheClientsMaximumButDeliversItToOthers() throws Exception {
        try (RawMqttClient small = Received5.connected(BROKER.port(), Connect5Packet.v5("mps-small")
                        .properties(PropertiesWriter.properties().fourByte(0x27, 100)));
                RawMqttClient large = RawSteps.connected(BROKER.port(), "mps-large");
                RawMqttClient publisher = RawSteps.connected(BROKER.port(), "mps-pub")) {
            RawSteps.subscribe(small, 1, "mps/t", 1);
            RawSteps.subscribe(large, 1, "mps/t", 1);

            RawSteps.publishQos1(publisher, 1, "mps/t", "x".repeat(300));
            RawSteps.publishQos1(publisher, 2, "mps/t", "small");

            assertThat(RawSteps.receiveUntilQuiet(small, Duration.ofMillis(500)))
                    .extracting(Received5.Publish5::text).containsExactly("small");
            assertThat(RawSteps.receiveUntilQuiet(large, Duration.ofMillis(500)))
                    .extracting(Received5.Publish5::text).containsExactly("x".repeat(300), "small");
        }
    }

    /** [MQTT-3.2.2-15] mirrored: a packet above the broker's maximum is 0x95 Packet too large. */
    @Test
    void disconnectsAClientSendingMoreThanTheBrokersMaximum() throws Exception {
        try (RawMqttClient client = RawSteps.connected(BROKER.port(), "mps-big")) {
            client.send(Client5Packets.publish("mps/big", "y".repeat(2000), 0, 0));
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x95);
        }
    }
}
