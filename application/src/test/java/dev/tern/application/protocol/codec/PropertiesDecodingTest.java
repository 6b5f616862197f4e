package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import org.junit.jupiter.api.Test;

/** MQTT 5 property rules (2.2.2), read through a QoS 0 PUBLISH to topic "t". */
class PropertiesDecodingTest {

    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;

    @Test
    void keepsRepeatedUserPropertiesAndSubscriptionIdentifiersInOrder() {
        Publish publish = (Publish) decode(V5, publishWith(
                0x26, 0x00, 0x01, 'a', 0x00, 0x01, '1',  // User Property a=1
                0x26, 0x00, 0x01, 'a', 0x00, 0x01, '2',  // User Property a=2
                0x0B, 0x81, 0x01,                        // Subscription Identifier 129 (2-byte VBI)
                0x0B, 0x02));                            // Subscription Identifier 2

        assertThat(publish.properties().userProperties()).extracting(p -> p.value()).containsExactly("1", "2");
        assertThat(publish.properties().integers(PropertyId.SUBSCRIPTION_IDENTIFIER)).containsExactly(129L, 2L);
    }

    /** 2.2.2.2: an unknown identifier is malformed. */
    @Test
    void rejectsUnknownPropertyIdentifier() {
        assertThat(decodeError(V5, publishWith(0x04, 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** 2.2.2.2: an identifier not valid for the packet type is malformed. */
    @Test
    void rejectsPropertyNotAllowedInThePacket() {
        assertThat(decodeError(V5, publishWith(0x11, 0x00, 0x00, 0x00, 0x01)).reasonCode()) // Session Expiry
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** 3.3.2.3: "It is a Protocol Error to include the Message Expiry Interval more than once". */
    @Test
    void rejectsNonRepeatablePropertyTwice() {
        DecodeResult.DecodeError error = decodeError(V5, publishWith(
                0x02, 0x00, 0x00, 0x00, 0x01,
                0x02, 0x00, 0x00, 0x00, 0x02));

        assertThat(error.reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    @Test
    void rejectsPropertyLengthBeyondThePacket() {
        byte[] wire = bytes(0x30, 0x05, 0x00, 0x01, 't', 0x09, 0x01); // property length 9, 1 byte left

        assertThat(decodeError(V5, wire).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void rejectsPropertyValueCrossingThePropertyLength() {
        // Property length 3, but Message Expiry Interval needs 5 bytes: it runs into the payload.
        byte[] wire = bytes(0x30, 0x0A, 0x00, 0x01, 't', 0x03, 0x02, 0x00, 0x00, 0x00, 0x01, 'p');

        assertThat(decodeError(V5, wire).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** 3.3.2.3.2: Payload Format Indicator is 0 or 1. */
    @Test
    void rejectsByteFlagPropertyOutsideZeroOrOne() {
        assertThat(decodeError(V5, publishWith(0x01, 0x02)).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    /** 3.3.2.3.8: Subscription Identifier 0 is a protocol error. */
    @Test
    void rejectsSubscriptionIdentifierZero() {
        assertThat(decodeError(V5, publishWith(0x0B, 0x00)).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    /** A QoS 0 PUBLISH to "t" with the given property bytes and an empty payload. */
    private static byte[] publishWith(int... properties) {
        int[] all = new int[6 + properties.length];
        all[0] = 0x30;                      // PUBLISH QoS 0
        all[1] = 4 + properties.length;     // remaining length
        all[2] = 0x00;
        all[3] = 0x01;
        all[4] = 't';                       // topic "t"
        all[5] = properties.length;         // property length
        System.arraycopy(properties, 0, all, 6, properties.length);
        return bytes(all);
    }
}
