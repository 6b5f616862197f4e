package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Unsuback;
import org.junit.jupiter.api.Test;

/** CONNACK, SUBACK and UNSUBACK decode too, so that tests can read what the broker sends. */
class ServerPacketDecodingTest {

    private static final ProtocolVersion V3 = ProtocolVersion.MQTT_3_1_1;
    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;

    @Test
    void decodesMqtt311Connack() {
        Connack connack = (Connack) decode(V3, bytes(
                0x20,           // CONNACK
                0x02,           // remaining length 2
                0x01,           // acknowledge flags: session present
                0x05));         // return code 5: not authorized

        assertThat(connack.sessionPresent()).isTrue();
        assertThat(connack.reasonCode()).isEqualTo(ReasonCode.V3_NOT_AUTHORIZED);
    }

    @Test
    void decodesMqtt5ConnackWithProperties() {
        Connack connack = (Connack) decode(V5, bytes(
                0x20,                   // CONNACK
                0x06,                   // remaining length 6
                0x00,                   // acknowledge flags: no session
                0x00,                   // reason: Success
                0x03,                   // property length 3
                0x21, 0x00, 0x0A));     // Receive Maximum 10

        assertThat(connack.sessionPresent()).isFalse();
        assertThat(connack.properties().integer(PropertyId.RECEIVE_MAXIMUM, -1)).isEqualTo(10);
    }

    /** [MQTT-3.2.2-1] */
    @Test
    void rejectsConnackReservedAcknowledgeFlags() {
        assertThat(decodeError(V3, bytes(0x20, 0x02, 0x02, 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decodesMqtt311SubackReturnCodes() {
        Suback suback = (Suback) decode(V3, bytes(
                0x90,                   // SUBACK
                0x06,                   // remaining length 6
                0x00, 0x0A,             // packet id 10
                0x00, 0x01, 0x02, 0x80)); // granted QoS 0, 1, 2, failure

        assertThat(suback.packetId()).isEqualTo(10);
        assertThat(suback.reasonCodes()).containsExactly(0, 1, 2, 0x80);
    }

    /** 3.9.3: 3.1.1 knows only return codes 0, 1, 2 and 0x80. */
    @Test
    void rejectsUnknownMqtt311SubackReturnCode() {
        assertThat(decodeError(V3, bytes(0x90, 0x03, 0x00, 0x01, 0x87)).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decodesMqtt5SubackWithReasonString() {
        Suback suback = (Suback) decode(V5, bytes(
                0x90,                   // SUBACK
                0x08,                   // remaining length 8
                0x00, 0x0B,             // packet id 11
                0x04,                   // property length 4
                0x1F, 0x00, 0x01, 'r',  // Reason String "r"
                0x87));                 // reason: Not authorized

        assertThat(suback.reasonCodes()).containsExactly(ReasonCode.NOT_AUTHORIZED);
        assertThat(suback.properties().string(PropertyId.REASON_STRING)).isEqualTo("r");
    }

    @Test
    void decodesMqtt311UnsubackWithoutPayload() {
        Unsuback unsuback = (Unsuback) decode(V3, bytes(
                0xB0,                   // UNSUBACK
                0x02,                   // remaining length 2
                0x00, 0x0C));           // packet id 12

        assertThat(unsuback.packetId()).isEqualTo(12);
        assertThat(unsuback.reasonCodes()).isEmpty();
    }

    @Test
    void decodesMqtt5UnsubackReasonCodes() {
        Unsuback unsuback = (Unsuback) decode(V5, bytes(
                0xB0,                   // UNSUBACK
                0x05,                   // remaining length 5
                0x00, 0x0D,             // packet id 13
                0x00,                   // property length 0
                0x00, 0x11));           // Success, No subscription existed

        assertThat(unsuback.reasonCodes()).containsExactly(ReasonCode.SUCCESS, ReasonCode.NO_SUBSCRIPTION_EXISTED);
    }
}
