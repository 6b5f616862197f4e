package dev.tern.e2e.v5;

import static dev.tern.e2e.raw.Received5.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.PacketWriter;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import dev.tern.e2e.raw.ReceivedPacket;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * 4.13 Handling errors: an MQTT 5 client is sent a DISCONNECT with the reason before the broker
 * closes the connection. Receive Maximum (0x93), Topic Alias invalid (0x94) and Packet too large
 * (0x95) are proven in their chapters' classes.
 */
@DisplayName("4.13 Handling errors (MQTT 5)")
class ProtocolErrorsV5Test {

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    private static Received5.Reasoned disconnectAfter(String clientId, byte[] packet) throws Exception {
        try (RawMqttClient client = RawSteps.connected(BROKER.port(), clientId)) {
            client.send(packet);
            return awaitDisconnect(client);
        }
    }

    /** 2.2.2.2: an unknown property identifier makes the packet malformed (0x81). */
    @Test
    void disconnectsAnUnknownPropertyIdentifierAsMalformed() throws Exception {
        Received5.Reasoned disconnect = disconnectAfter("err-prop", Client5Packets.publish("err/t",
                "x".getBytes(), 0, 0,
                false, PropertiesWriter.properties().raw(0x7F, 0x00)));
        assertThat(disconnect.reasonCode()).isEqualTo(0x81);
        assertThat(disconnect.properties().string(0x1F)).isNotBlank();
    }

    /** [MQTT-3.3.1-2]: DUP must be 0 on a QoS 0 PUBLISH. */
    @Test
    void disconnectsAQos0PublishWithDupAsMalformed() throws Exception {
        byte[] packet = PacketWriter.packet(3, 0x08).utf8("err/dup").u8(0).bytes("x".getBytes()).toBytes();
        assertThat(disconnectAfter("err-dup", packet).reasonCode()).isEqualTo(0x81);
    }

    /** 2.2.2.2: a property that may appear once, sent twice, is a Protocol Error. */
    @Test
    void disconnectsARepeatedSingleValuedProperty() throws Exception {
        Received5.Reasoned disconnect = disconnectAfter("err-twice", Client5Packets.publish("err/t",
                "x".getBytes(), 0, 0,
                false, PropertiesWriter.properties().byteProperty(0x01, 0).byteProperty(0x01, 0)));
        assertThat(disconnect.reasonCode()).isIn(0x81, 0x82);
    }

    /** 3.8.2.1.2: a Subscription Identifier of 0 is a Protocol Error. */
    @Test
    void disconnectsASubscriptionIdentifierOfZero() throws Exception {
        Received5.Reasoned disconnect = disconnectAfter("err-sid0", Client5Packets.subscribe(1, "err/sid", 1,
                PropertiesWriter.properties().varInt(0x0B, 0)));
        assertThat(disconnect.reasonCode()).isIn(0x81, 0x82);
    }

    /** [MQTT-3.1.0-2]: a second CONNECT is 0x82. */
    @Test
    void disconnectsASecondConnectAsProtocolError() throws Exception {
        assertThat(disconnectAfter("err-connect", Connect5Packet.v5("err-connect").toBytes()).reasonCode())
                .isEqualTo(0x82);
    }

    /** A client must never send CONNACK: Protocol Error. */
    @Test
    void disconnectsAClientThatSendsConnack() throws Exception {
        byte[] connack = PacketWriter.packet(2, 0).u8(0).u8(0).u8(0).toBytes();
        assertThat(disconnectAfter("err-connack", connack).reasonCode()).isEqualTo(0x82);
    }

    /** [MQTT-3.1.2-22]: one and a half keep alive periods of silence end the connection with 0x8D. */
    @Test
    void disconnectsASilentClientWithKeepAliveTimeout() throws Exception {
        try (RawMqttClient client = Received5.connected(BROKER.port(), Connect5Packet.v5("err-ka").keepAlive(1))) {
            Received5.Reasoned disconnect = awaitDisconnect(client, Duration.ofSeconds(4));
            assertThat(disconnect.reasonCode()).isEqualTo(0x8D);
        }
    }

    /** 4.13: a broker that shuts down tells its MQTT 5 clients 0x8B Server shutting down. */
    @Test
    void tellsConnectedClientsThatTheServerIsShuttingDown() throws Exception {
        V5Broker broker = V5Broker.start(List.of());
        try (RawMqttClient client = RawSteps.connected(broker.port(), "err-shutdown")) {
            broker.close();
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x8B);
        }
    }

    /** [MQTT-3.3.1-4]: QoS 3 makes a PUBLISH malformed. */
    @Test
    void disconnectsAPublishWithQos3AsMalformed() throws Exception {
        byte[] packet = PacketWriter.packet(3, 0x06).utf8("err/qos3").u16(1).u8(0).bytes("x".getBytes()).toBytes();
        assertThat(disconnectAfter("err-qos3", packet).reasonCode()).isEqualTo(0x81);
    }

    /** [MQTT-3.3.4-6]: a client's PUBLISH must not carry a Subscription Identifier. */
    @Test
    void disconnectsAClientPublishCarryingASubscriptionIdentifier() throws Exception {
        Received5.Reasoned disconnect = disconnectAfter("err-pub-sid", Client5Packets.publish("err/t", "x".getBytes(),
                0, 0, false, PropertiesWriter.properties().varInt(0x0B, 3)));
        assertThat(disconnect.reasonCode()).isIn(0x81, 0x82);
    }

    /** [MQTT-3.3.2-2]: a topic name with a wildcard is refused: PUBACK or DISCONNECT with 0x90. */
    @Test
    void refusesAPublishTopicWithAWildcard() throws Exception {
        try (RawMqttClient client = RawSteps.connected(BROKER.port(), "err-wild")) {
            client.send(Client5Packets.publish("err/+", "x", 1, 1));
            ReceivedPacket answer = client.readPacket();
            int reason = answer.type() == PacketType.PUBACK
                    ? Received5.ack(answer, PacketType.PUBACK).reasonCode()
                    : Received5.reasoned(answer).reasonCode();
            assertThat(reason).isEqualTo(0x90);
        }
    }

    /**
     * 4.13 / 0x97 Quota exceeded: far more packets pipelined behind CONNECT than the broker keeps
     * before its CONNACK. [MQTT-3.2.0-1] says nothing but AUTH may precede CONNACK, so the
     * refusal is a CONNACK 0x97 or a plain close, never a DISCONNECT in place of the CONNACK.
     */
    @Test
    void refusesTooManyPacketsPipelinedBeforeConnackWithoutADisconnect() throws Exception {
        byte[] connect = Connect5Packet.v5("err-quota").toBytes();
        int pings = 3_000;
        byte[] burst = new byte[connect.length + 2 * pings];
        System.arraycopy(connect, 0, burst, 0, connect.length);
        for (int i = 0; i < pings; i++) {
            burst[connect.length + 2 * i] = (byte) 0xC0;
        }
        try (RawMqttClient client = RawMqttClient.connect(BROKER.port())) {
            client.send(burst);
            ReceivedPacket first;
            try {
                first = client.readPacket();
            } catch (IOException closedWithoutAnswer) {
                return;
            }
            assertThat(first.type()).as("first packet from the server [MQTT-3.2.0-1]")
                    .isEqualTo(PacketType.CONNACK);
            assertThat(Received5.connack(first).reasonCode()).isIn(0x00, 0x97);
        }
    }
}
