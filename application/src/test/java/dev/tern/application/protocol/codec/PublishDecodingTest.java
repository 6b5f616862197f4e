package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.domain.message.Qos;
import dev.tern.domain.message.UserProperty;
import org.junit.jupiter.api.Test;

class PublishDecodingTest {

    private static final ProtocolVersion V3 = ProtocolVersion.MQTT_3_1_1;
    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;

    @Test
    void decodesQos0PublishWithoutPacketId() {
        byte[] wire = bytes(
                0x31,                   // PUBLISH, QoS 0, retain
                0x05,                   // remaining length 5
                0x00, 0x01, 't',        // topic "t"
                'h', 'i');              // payload "hi"

        Publish publish = (Publish) decode(V3, wire);

        assertThat(publish.qos()).isEqualTo(Qos.AT_MOST_ONCE);
        assertThat(publish.retain()).isTrue();
        assertThat(publish.dup()).isFalse();
        assertThat(publish.topic()).isEqualTo("t");
        assertThat(publish.packetId()).isZero();
        assertThat(publish.payload().toByteArray()).containsExactly('h', 'i');
        assertThat(publish.properties()).isEqualTo(Properties.EMPTY);
    }

    @Test
    void decodesQos2DupPublishWithPacketId() {
        byte[] wire = bytes(
                0x3C,                   // PUBLISH, DUP, QoS 2, no retain
                0x08,                   // remaining length 8
                0x00, 0x03, 'a', '/', 'b', // topic "a/b"
                0x12, 0x34,             // packet id 0x1234
                0x7F);                  // payload 1 byte

        Publish publish = (Publish) decode(V3, wire);

        assertThat(publish.qos()).isEqualTo(Qos.EXACTLY_ONCE);
        assertThat(publish.dup()).isTrue();
        assertThat(publish.retain()).isFalse();
        assertThat(publish.topic()).isEqualTo("a/b");
        assertThat(publish.packetId()).isEqualTo(0x1234);
        assertThat(publish.payload().toByteArray()).containsExactly(0x7F);
    }

    @Test
    void decodesMqtt5PublishProperties() {
        byte[] wire = bytes(
                0x32,                   // PUBLISH, QoS 1
                0x15,                   // remaining length 21
                0x00, 0x01, 't',        // topic "t"
                0x00, 0x07,             // packet id 7
                0x0E,                   // property length 14
                0x01, 0x01,             // Payload Format Indicator 1 (UTF-8)
                0x02, 0x00, 0x00, 0x00, 0x1E, // Message Expiry Interval 30
                0x26, 0x00, 0x01, 'k', 0x00, 0x01, 'v', // User Property k=v
                'x');                   // payload "x"

        Publish publish = (Publish) decode(V5, wire);

        assertThat(publish.packetId()).isEqualTo(7);
        assertThat(publish.properties().integer(PropertyId.PAYLOAD_FORMAT_INDICATOR, -1)).isEqualTo(1);
        assertThat(publish.properties().integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, -1)).isEqualTo(30);
        assertThat(publish.properties().userProperties()).containsExactly(new UserProperty("k", "v"));
        assertThat(publish.payload().toByteArray()).containsExactly('x');
    }

    @Test
    void acceptsEmptyTopicWithTopicAliasInMqtt5() {
        byte[] wire = bytes(
                0x30,                   // PUBLISH, QoS 0
                0x06,                   // remaining length 6
                0x00, 0x00,             // topic "" (alias names it)
                0x03, 0x23, 0x00, 0x02); // properties: Topic Alias 2

        Publish publish = (Publish) decode(V5, wire);

        assertThat(publish.topic()).isEmpty();
        assertThat(publish.properties().integer(PropertyId.TOPIC_ALIAS, -1)).isEqualTo(2);
    }

    /** 3.3.2.1: an empty topic needs a Topic Alias. */
    @Test
    void rejectsEmptyTopicWithoutAliasInMqtt5AsProtocolError() {
        byte[] wire = bytes(0x30, 0x03, 0x00, 0x00, 0x00); // PUBLISH QoS 0, topic "", no properties

        assertThat(decodeError(V5, wire).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    /** [MQTT-4.7.3-1]: topic names are at least one character long. */
    @Test
    void rejectsEmptyTopicInMqtt311() {
        byte[] wire = bytes(0x30, 0x02, 0x00, 0x00); // PUBLISH QoS 0, topic ""

        assertThat(decodeError(V3, wire).reasonCode()).isEqualTo(ReasonCode.TOPIC_NAME_INVALID);
    }

    /** [MQTT-3.3.2-2] */
    @Test
    void rejectsWildcardsInTopicName() {
        byte[] plus = bytes(0x30, 0x05, 0x00, 0x03, 'a', '/', '+');   // topic "a/+"
        byte[] hash = bytes(0x30, 0x03, 0x00, 0x01, '#');             // topic "#"

        assertThat(decodeError(V3, plus).reasonCode()).isEqualTo(ReasonCode.TOPIC_NAME_INVALID);
        assertThat(decodeError(V5, hash).reasonCode()).isEqualTo(ReasonCode.TOPIC_NAME_INVALID);
    }

    /** [MQTT-2.3.1-1] */
    @Test
    void rejectsPacketIdZeroAtQos1() {
        byte[] wire = bytes(0x32, 0x05, 0x00, 0x01, 't', 0x00, 0x00); // PUBLISH QoS 1, topic "t", packet id 0

        assertThat(decodeError(V3, wire).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-3.3.1-4] */
    @Test
    void rejectsQos3() {
        byte[] wire = bytes(0x36, 0x05, 0x00, 0x01, 't', 0x00, 0x01); // PUBLISH QoS 3

        assertThat(decodeError(V3, wire).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-3.3.1-2] */
    @Test
    void rejectsDupAtQos0() {
        byte[] wire = bytes(0x38, 0x03, 0x00, 0x01, 't'); // PUBLISH DUP, QoS 0

        assertThat(decodeError(V3, wire).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void rejectsTopicLengthBeyondThePacket() {
        byte[] wire = bytes(0x30, 0x03, 0x00, 0x05, 't'); // topic length 5, only 1 byte left

        assertThat(decodeError(V3, wire).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void readsMqtt5PropertiesOnlyOnMqtt5Connections() {
        // The same bytes mean properties in 5 and payload in 3.1.1.
        byte[] wire = bytes(0x30, 0x04, 0x00, 0x01, 't', 0x00);

        assertThat(((Publish) decode(V5, wire)).payload().isEmpty()).isTrue();
        assertThat(((Publish) decode(V3, wire)).payload().toByteArray()).containsExactly(0x00);
    }
}
