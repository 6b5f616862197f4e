package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedHeaderRulesTest {

    @Test
    void rejectsReservedPacketTypeZero() {
        assertThat(decodeError(ProtocolVersion.MQTT_5, bytes(0x00, 0x00)).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-2.2.2-1] [MQTT-2.2.2-2]: flags other than the ones in table 2.2 are malformed. */
    @ParameterizedTest
    @ValueSource(ints = {0x11, 0x21, 0x48, 0x54, 0x63, 0x70 | 0x01, 0x83, 0x91, 0xA0, 0xB2, 0xC1, 0xD8, 0xE2})
    void rejectsWrongReservedFlags(int firstByte) {
        assertThat(decodeError(ProtocolVersion.MQTT_5, bytes(firstByte, 0x00)).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    @Test
    void checksFlagsBeforeTheBodyArrives() {
        // Only the fixed header of a 1000-byte PUBREL with wrong flags.
        assertThat(decodeError(ProtocolVersion.MQTT_5, bytes(0x60, 0xE8, 0x07)).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }
}
