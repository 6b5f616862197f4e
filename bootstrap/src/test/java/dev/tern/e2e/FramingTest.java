package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.ConnectPacket;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.raw.ReceivedPublish;
import dev.tern.e2e.support.BrokerExtension;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * TCP is a byte stream: packets arrive split and coalesced at arbitrary points, and the broker
 * must frame them by their remaining length alone.
 */
@DisplayName("2.2 Fixed header: framing on a byte stream")
class FramingTest {

    private static final int MAX_PACKET_SIZE = 1_024;

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with("mqtt.max-packet-size=" + MAX_PACKET_SIZE);

    /**
     * CONNECT, SUBSCRIBE, PUBLISH and PINGREQ in one write are all processed in order, so the
     * PUBLISH finds the subscription made just before it. (PINGRESP may overtake the delivery:
     * the spec orders neither against the other.)
     */
    @Test
    void handlesSeveralPacketsInOneWrite() throws Exception {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        batch.writeBytes(ConnectPacket.v311("pipelined").toBytes());
        batch.writeBytes(subscribe(1, "pipe/t", 0));
        batch.writeBytes(publish("pipe/t", "to myself", 0, 0));
        batch.writeBytes(pingreq());

        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(batch.toByteArray());

            assertThat(client.readPacket().connack().returnCode()).isZero();
            assertThat(client.readPacket().suback().returnCodes()).containsExactly(0);
            List<PacketType> rest = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                ReceivedPacket packet = client.readPacket(Duration.ofSeconds(2));
                rest.add(packet.type());
                if (packet.type() == PacketType.PUBLISH) {
                    assertThat(packet.publish().payload()).isEqualTo("to myself");
                }
            }
            assertThat(rest).containsExactlyInAnyOrder(PacketType.PUBLISH, PacketType.PINGRESP);
        }
    }

    /** A packet dribbled in one byte per write is reassembled. */
    @Test
    void reassemblesPacketsSentOneByteAtATime() throws Exception {
        ByteArrayOutputStream batch = new ByteArrayOutputStream();
        batch.writeBytes(ConnectPacket.v311("dribbler").toBytes());
        batch.writeBytes(subscribe(1, "dribble/t", 1));
        batch.writeBytes(publish("dribble/t", "byte by byte", 1, 2));

        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            for (byte b : batch.toByteArray()) {
                client.send(b);
            }

            assertThat(client.readPacket().connack().returnCode()).isZero();
            assertThat(client.readPacket().suback().returnCodes()).containsExactly(1);
            boolean gotPuback = false;
            ReceivedPublish delivered = null;
            for (int i = 0; i < 2; i++) {
                ReceivedPacket packet = client.readPacket();
                if (packet.type() == PacketType.PUBACK) {
                    gotPuback = true;
                } else {
                    delivered = packet.publish();
                }
            }
            assertThat(gotPuback).isTrue();
            assertThat(delivered).isNotNull();
            assertThat(delivered.payload()).isEqualTo("byte by byte");
        }
    }

    /** A packet above the configured maximum size closes the connection instead of being buffered. */
    @Test
    void closesConnectionOnPacketAboveMaximumSize() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "too-big")) {
            client.send(publish("big", "x".repeat(MAX_PACKET_SIZE * 2), 0, 0));

            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    /** The size limit is judged from the header: a declared huge length closes before the body arrives. */
    @Test
    void closesConnectionOnDeclaredLengthAboveMaximumWithoutWaitingForBody() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "declares-big")) {
            client.sendHex("30 ff ff ff 7f 00 01 61");

            assertThat(client.awaitClosed(Duration.ofSeconds(3))).isTrue();
        }
    }

    /** A packet just under the limit still passes. */
    @Test
    void acceptsPacketJustUnderMaximumSize() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "fits")) {
            client.send(subscribe(1, "fits/t", 0));
            client.readPacket().suback();
            String payload = "y".repeat(MAX_PACKET_SIZE - 20);
            client.send(publish("fits/t", payload, 0, 0));

            assertThat(client.readPacket().publish().payload()).isEqualTo(payload);
        }
    }
}
