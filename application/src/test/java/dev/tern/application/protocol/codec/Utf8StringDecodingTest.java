package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import org.junit.jupiter.api.Test;

/** UTF-8 Encoded Strings (1.5.3 in 3.1.1, 1.5.4 in 5.0), read through a PUBLISH topic. */
class Utf8StringDecodingTest {

    private static final ProtocolVersion V3 = ProtocolVersion.MQTT_3_1_1;

    @Test
    void decodesMultiByteCharactersAndSupplementaryPlanes() {
        // "é" (2 bytes), "€" (3 bytes), U+1F600 (4 bytes)
        Publish publish = (Publish) decode(V3, topic(0xC3, 0xA9, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80));

        assertThat(publish.topic()).isEqualTo("é€\uD83D\uDE00");
    }

    /** [MQTT-1.5.3-2] [MQTT-1.5.4-2] */
    @Test
    void rejectsNullCharacter() {
        assertThat(decodeError(V3, topic('a', 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-1.5.3-1] [MQTT-1.5.4-1]: an encoded surrogate U+D800 is ill-formed. */
    @Test
    void rejectsEncodedSurrogate() {
        assertThat(decodeError(V3, topic(0xED, 0xA0, 0x80)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-1.5.3-1]: overlong forms, including the modified-UTF-8 null C0 80, are ill-formed. */
    @Test
    void rejectsOverlongEncodings() {
        assertThat(decodeError(V3, topic(0xC0, 0x80)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
        assertThat(decodeError(V3, topic(0xE0, 0x80, 0xAF)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-1.5.3-1] */
    @Test
    void rejectsTruncatedAndStrayBytes() {
        assertThat(decodeError(V3, topic('a', 0xE2, 0x82)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
        assertThat(decodeError(V3, topic(0x80)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
        assertThat(decodeError(V3, topic(0xF5, 0x80, 0x80, 0x80)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** A QoS 0 PUBLISH whose topic is the given bytes. */
    private static byte[] topic(int... utf8) {
        int[] all = new int[4 + utf8.length];
        all[0] = 0x30;               // PUBLISH QoS 0
        all[1] = 2 + utf8.length;    // remaining length
        all[2] = 0x00;               // topic length MSB
        all[3] = utf8.length;        // topic length LSB
        System.arraycopy(utf8, 0, all, 4, utf8.length);
        return bytes(all);
    }
}
