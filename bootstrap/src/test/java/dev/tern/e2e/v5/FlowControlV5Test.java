package dev.tern.e2e.v5;

import static dev.tern.e2e.raw.Received5.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.Client5Packets;
import dev.tern.e2e.raw.Connect5Packet;
import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.PropertiesWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.raw.Received5;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("4.9 Flow Control (MQTT 5)")
class FlowControlV5Test {

    /** 3.3.4 and 4.9: more QoS 2 PUBLISHes than its Receive Maximum is 0x93. */
    @Test
    void disconnectsAClientThatExceedsTheBrokersReceiveMaximum() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.receive-maximum=2");
                RawMqttClient client = RawSteps.connected(broker.port(), "fc-greedy")) {
            for (int id = 1; id <= 3; id++) {
                client.send(Client5Packets.publish("fc/in", "m" + id, 2, id));
            }
            assertThat(Received5.ack(client.readPacket(), PacketType.PUBREC).packetId()).isEqualTo(1);
            assertThat(Received5.ack(client.readPacket(), PacketType.PUBREC).packetId()).isEqualTo(2);
            assertThat(awaitDisconnect(client).reasonCode()).isEqualTo(0x93);
        }
    }

    /**
     * [MQTT-3.3.4-9]: the broker never has more unacknowledged QoS 1 PUBLISHes out than the
     * client's Receive Maximum.
     */
    @Test
    void sendsNoMoreUnacknowledgedMessagesThanTheClientsReceiveMaximum() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of());
                RawMqttClient slow = Received5.connected(broker.port(), Connect5Packet.v5("fc-slow")
                        .properties(PropertiesWriter.properties().twoByte(0x21, 2)));
                RawMqttClient publisher = RawSteps.connected(broker.port(), "fc-pub")) {
            RawSteps.subscribe(slow, 1, "fc/out", 1);
            for (int id = 1; id <= 4; id++) {
                RawSteps.publishQos1(publisher, id, "fc/out", "m" + id);
            }

            Received5.Publish5 first = Received5.publish(slow.readPacket());
            Received5.Publish5 second = Received5.publish(slow.readPacket());
            assertThat(List.of(first.text(), second.text())).containsExactly("m1", "m2");
            assertThat(slow.receivesNothingWithin(Duration.ofMillis(500))).isTrue();

            slow.send(Client5Packets.ack(4, first.packetId()));
            assertThat(Received5.publish(slow.readPacket()).text()).isEqualTo("m3");
            assertThat(slow.receivesNothingWithin(Duration.ofMillis(300))).isTrue();
        }
    }

    /** 4.9: a QoS 2 PUBLISH stops counting against the broker's Receive Maximum once PUBREL..PUBCOMP ends it. */
    @Test
    void freesAReceiveSlotWhenAQos2ExchangeCompletes() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of(), "mqtt.receive-maximum=2");
                RawMqttClient client = RawSteps.connected(broker.port(), "fc-polite")) {
            client.send(Client5Packets.publish("fc/in", "m1", 2, 1));
            client.send(Client5Packets.publish("fc/in", "m2", 2, 2));
            Received5.ack(client.readPacket(), PacketType.PUBREC);
            Received5.ack(client.readPacket(), PacketType.PUBREC);
            client.send(Client5Packets.ack(6, 1));
            assertThat(Received5.ack(client.readPacket(), PacketType.PUBCOMP).packetId()).isEqualTo(1);

            client.send(Client5Packets.publish("fc/in", "m3", 2, 3));
            assertThat(Received5.ack(client.readPacket(), PacketType.PUBREC).packetId()).isEqualTo(3);
        }
    }

    /** [MQTT-3.3.4-9]: an outbound QoS 2 message holds its slot until PUBCOMP, not PUBREC. */
    @Test
    void holdsAnOutboundQos2SlotUntilPubcomp() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of());
                RawMqttClient slow = Received5.connected(broker.port(), Connect5Packet.v5("fc-q2")
                        .properties(PropertiesWriter.properties().twoByte(0x21, 1)));
                RawMqttClient publisher = RawSteps.connected(broker.port(), "fc-q2-pub")) {
            RawSteps.subscribe(slow, 1, "fc/q2", 2);
            RawSteps.publishQos1(publisher, 1, "fc/q2", "a");
            RawSteps.publishQos1(publisher, 2, "fc/q2", "b");
            publisher.send(Client5Packets.publish("fc/q2", "c", 2, 3));
            Received5.ack(publisher.readPacket(), PacketType.PUBREC);
            publisher.send(Client5Packets.ack(6, 3));
            Received5.ack(publisher.readPacket(), PacketType.PUBCOMP);

            Received5.Publish5 first = Received5.publish(slow.readPacket());
            assertThat(first.qos()).isEqualTo(1);
            slow.send(Client5Packets.ack(4, first.packetId()));
            Received5.Publish5 second = Received5.publish(slow.readPacket());
            slow.send(Client5Packets.ack(4, second.packetId()));
            Received5.Publish5 third = Received5.publish(slow.readPacket());
            assertThat(third.qos()).isEqualTo(2);
            assertThat(third.text()).isEqualTo("c");
        }
    }

    /** 3.7.2.1: PUBREL for a packet identifier the broker does not know gets PUBCOMP 0x92. */
    @Test
    void answersAPubrelForAnUnknownPacketIdentifierWithPacketIdentifierNotFound() throws Exception {
        try (V5Broker broker = V5Broker.start(List.of());
                RawMqttClient client = RawSteps.connected(broker.port(), "fc-unknown")) {
            client.send(Client5Packets.ack(6, 77));
            Received5.Reasoned pubcomp = Received5.ack(client.readPacket(), PacketType.PUBCOMP);
            assertThat(pubcomp.packetId()).isEqualTo(77);
            assertThat(pubcomp.reasonCode()).isEqualTo(0x92);
        }
    }
}
