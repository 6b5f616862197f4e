package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import org.junit.jupiter.api.Test;

/** PUBACK, PUBREC, PUBREL and PUBCOMP share one layout (3.4 to 3.7). */
class PublishAckDecodingTest {

    private static final ProtocolVersion V3 = ProtocolVersion.MQTT_3_1_1;
    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;

    @Test
    void decodesMqtt311AcknowledgementsOfEveryKind() {
        assertThat(decode(V3, bytes(0x40, 0x02, 0x00, 0x01))).isEqualTo(Puback.of(1));   // PUBACK, rl 2, id 1
        assertThat(decode(V3, bytes(0x50, 0x02, 0x00, 0x02))).isEqualTo(Pubrec.of(2));   // PUBREC, rl 2, id 2
        assertThat(decode(V3, bytes(0x62, 0x02, 0x00, 0x03))).isEqualTo(Pubrel.of(3));   // PUBREL flags 0010, id 3
        assertThat(decode(V3, bytes(0x70, 0x02, 0xFF, 0xFF))).isEqualTo(Pubcomp.of(65535)); // PUBCOMP, id 65535
    }

    /** 3.4.2.1: Remaining Length 2 means Success and no properties. */
    @Test
    void readsShortMqtt5AcknowledgementAsSuccess() {
        Puback puback = (Puback) decode(V5, bytes(0x40, 0x02, 0x00, 0x09)); // PUBACK, rl 2, id 9

        assertThat(puback.reasonCode()).isEqualTo(ReasonCode.SUCCESS);
        assertThat(puback.properties()).isEqualTo(Properties.EMPTY);
    }

    /** 3.4.2.2.1: below Remaining Length 4 there is no property length. */
    @Test
    void readsReasonCodeWithoutProperties() {
        Pubrec pubrec = (Pubrec) decode(V5, bytes(
                0x50,          // PUBREC
                0x03,          // remaining length 3
                0x00, 0x05,    // packet id 5
                0x10));        // reason: No matching subscribers

        assertThat(pubrec.reasonCode()).isEqualTo(ReasonCode.NO_MATCHING_SUBSCRIBERS);
        assertThat(pubrec.properties().isEmpty()).isTrue();
    }

    @Test
    void readsReasonCodeAndReasonString() {
        Pubcomp pubcomp = (Pubcomp) decode(V5, bytes(
                0x70,                       // PUBCOMP
                0x08,                       // remaining length 8
                0x00, 0x05,                 // packet id 5
                0x92,                       // reason: Packet Identifier not found
                0x04,                       // property length 4
                0x1F, 0x00, 0x01, 'x'));    // Reason String "x"

        assertThat(pubcomp.reasonCode()).isEqualTo(ReasonCode.PACKET_IDENTIFIER_NOT_FOUND);
        assertThat(pubcomp.properties().string(PropertyId.REASON_STRING)).isEqualTo("x");
    }

    /** [MQTT-2.3.1-1] */
    @Test
    void rejectsPacketIdZero() {
        assertThat(decodeError(V3, bytes(0x40, 0x02, 0x00, 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void rejectsReasonCodeInMqtt311() {
        assertThat(decodeError(V3, bytes(0x40, 0x03, 0x00, 0x01, 0x00)).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-3.6.1-1] [MQTT-2.2.2-2] */
    @Test
    void rejectsPubrelWithoutItsReservedFlags() {
        assertThat(decodeError(V3, bytes(0x60, 0x02, 0x00, 0x01)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-2.2.2-2] */
    @Test
    void rejectsPubackWithFlags() {
        assertThat(decodeError(V5, bytes(0x42, 0x02, 0x00, 0x01)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }
}
