package dev.tern.e2e;

import static dev.tern.e2e.raw.ClientPackets.pingreq;
import static dev.tern.e2e.raw.ClientPackets.publish;
import static dev.tern.e2e.raw.ClientPackets.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.e2e.raw.PacketType;
import dev.tern.e2e.raw.PacketWriter;
import dev.tern.e2e.raw.RawMqttClient;
import dev.tern.e2e.support.BrokerExtension;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Malformed packets close the connection (section 4.8: a protocol violation ends the connection)
 * and harm nobody else: after each test a bystander still gets its messages.
 */
@DisplayName("1.5, 2 and 4.8 Malformed packets and protocol violations")
class MalformedInputTest {

    private static final Duration CLOSE_WAIT = Duration.ofSeconds(3);

    @RegisterExtension
    static final BrokerExtension BROKER = BrokerExtension.with();

    /** Section 2.2.3: the remaining length has at most four bytes; a fifth continuation byte is malformed. */
    @Test
    void closesConnectionOnFiveByteRemainingLength() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "long-length")) {
            client.sendHex("30 ff ff ff ff 01");

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.3.1-4]: a PUBLISH with both QoS bits set is malformed. */
    @Test
    void closesConnectionOnPublishWithQos3() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "qos3")) {
            client.send(PacketWriter.packet(3, 0b0110).utf8("a/b").u16(1).bytes(new byte[] {1}).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.3.2-2], [MQTT-4.7.1-1]: a topic name must not contain wildcards. */
    @Test
    void closesConnectionOnPublishToWildcardTopic() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "wild-pub")) {
            client.send(publish("a/+/b", "nope", 0, 0));

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-1.5.3-1]: strings must be well-formed UTF-8; a lone continuation byte is not. */
    @Test
    void closesConnectionOnInvalidUtf8InTopic() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "bad-utf8")) {
            byte[] topic = {'a', '/', (byte) 0x80, 'b'};
            client.send(PacketWriter.packet(3, 0).lengthPrefixed(topic).bytes(new byte[] {1}).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-1.5.3-2]: a UTF-8 string must not contain U+0000. */
    @Test
    void closesConnectionOnNullCharacterInTopic() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "nul-topic")) {
            client.send(PacketWriter.packet(3, 0).lengthPrefixed(new byte[] {'a', 0, 'b'}).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.8.1-1]: SUBSCRIBE flags must be 0010. */
    @Test
    void closesConnectionOnSubscribeWithWrongReservedFlags() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "sub-flags")) {
            client.send(PacketWriter.packet(8, 0).u16(1).utf8("a/b").u8(0).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.8.3-3]: a SUBSCRIBE without any filter is a protocol violation. */
    @Test
    void closesConnectionOnSubscribeWithoutFilters() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "sub-empty")) {
            client.send(PacketWriter.packet(8, 0b0010).u16(1).toBytes());

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-3.8.3-4]: requested QoS 3 in SUBSCRIBE is malformed. */
    @Test
    void closesConnectionOnSubscribeRequestingQos3() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "sub-qos3")) {
            client.send(subscribe(1, "a/b", 3));

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** [MQTT-2.3.1-1]: a QoS 1 PUBLISH with packet id 0 is malformed. */
    @Test
    void closesConnectionOnQos1PublishWithPacketIdZero() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "pid-zero")) {
            client.send(publish("a/b", "zero", 1, 0));

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** Section 2.2.1: packet type 0 is reserved and forbidden. */
    @Test
    void closesConnectionOnReservedPacketType() throws Exception {
        try (RawMqttClient client = RawMqttClient.connected(BROKER.port(), "type-zero")) {
            client.sendHex("00 00");

            assertThat(client.awaitClosed(CLOSE_WAIT)).isTrue();
        }
    }

    /** A client that was disconnected for garbage leaves the broker serving everyone else. */
    @AfterEach
    void brokerStillServesOtherClients() throws IOException {
        try (RawMqttClient subscriber = RawMqttClient.connected(BROKER.port(), "bystander");
                RawMqttClient publisher = RawMqttClient.connected(BROKER.port(), "bystander-pub")) {
            subscriber.send(subscribe(1, "bystander/t", 0));
            subscriber.readPacket().suback();
            publisher.send(publish("bystander/t", "still here", 0, 0));

            assertThat(subscriber.readPacket().publish().payload()).isEqualTo("still here");
            subscriber.send(pingreq());
            assertThat(subscriber.readPacket().type()).isEqualTo(PacketType.PINGRESP);
        }
    }
}
