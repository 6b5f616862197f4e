package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.Pingreq;
import dev.tern.application.protocol.packet.Pingresp;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import org.junit.jupiter.api.Test;

/** PINGREQ, PINGRESP, DISCONNECT and AUTH. */
class ControlPacketDecodingTest {

    private static final ProtocolVersion V3 = ProtocolVersion.MQTT_3_1_1;
    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;

    @Test
    void decodesPings() {
        assertThat(decode(V3, bytes(0xC0, 0x00))).isSameAs(Pingreq.INSTANCE);  // PINGREQ, rl 0
        assertThat(decode(V5, bytes(0xD0, 0x00))).isSameAs(Pingresp.INSTANCE); // PINGRESP, rl 0
    }

    @Test
    void rejectsPingWithBody() {
        assertThat(decodeError(V3, bytes(0xC0, 0x01, 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decodesMqtt311Disconnect() {
        assertThat(decode(V3, bytes(0xE0, 0x00))).isEqualTo(Disconnect.NORMAL); // DISCONNECT, rl 0
    }

    /** 3.14.2.1: Remaining Length 0 means Normal disconnection. */
    @Test
    void readsEmptyMqtt5DisconnectAsNormal() {
        assertThat(decode(V5, bytes(0xE0, 0x00))).isEqualTo(Disconnect.NORMAL);
    }

    @Test
    void decodesMqtt5DisconnectWithReasonAndSessionExpiry() {
        Disconnect disconnect = (Disconnect) decode(V5, bytes(
                0xE0,                           // DISCONNECT
                0x07,                           // remaining length 7
                0x04,                           // reason: Disconnect with Will Message
                0x05,                           // property length 5
                0x11, 0x00, 0x00, 0x00, 0x00)); // Session Expiry Interval 0

        assertThat(disconnect.reasonCode()).isEqualTo(ReasonCode.DISCONNECT_WITH_WILL);
        assertThat(disconnect.properties().integer(PropertyId.SESSION_EXPIRY_INTERVAL, -1)).isZero();
    }

    @Test
    void readsMqtt5DisconnectReasonWithoutProperties() {
        Disconnect disconnect = (Disconnect) decode(V5, bytes(0xE0, 0x01, 0x8E)); // rl 1, Session taken over

        assertThat(disconnect.reasonCode()).isEqualTo(ReasonCode.SESSION_TAKEN_OVER);
    }

    @Test
    void rejectsMqtt311DisconnectWithBody() {
        assertThat(decodeError(V3, bytes(0xE0, 0x01, 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void decodesAuthWithMethodAndData() {
        Auth auth = (Auth) decode(V5, bytes(
                0xF0,                               // AUTH
                0x0B,                               // remaining length 11
                0x18,                               // reason: Continue authentication
                0x09,                               // property length 9
                0x15, 0x00, 0x02, 'm', '1',         // Authentication Method "m1"
                0x16, 0x00, 0x01, 0x2A));           // Authentication Data 1 byte

        assertThat(auth.reasonCode()).isEqualTo(ReasonCode.CONTINUE_AUTHENTICATION);
        assertThat(auth.properties().string(PropertyId.AUTHENTICATION_METHOD)).isEqualTo("m1");
        assertThat(auth.properties().binary(PropertyId.AUTHENTICATION_DATA)).containsExactly(0x2A);
    }

    /** 3.15.2.1: Remaining Length 0 means Success. */
    @Test
    void readsEmptyAuthAsSuccess() {
        assertThat(decode(V5, bytes(0xF0, 0x00))).isEqualTo(new Auth(ReasonCode.SUCCESS, null));
    }

    @Test
    void rejectsAuthOutsideMqtt5() {
        assertThat(decodeError(V3, bytes(0xF0, 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
        assertThat(decodeError(null, bytes(0xF0, 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }
}
