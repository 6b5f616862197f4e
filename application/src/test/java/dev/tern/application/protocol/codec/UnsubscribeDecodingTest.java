package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.domain.message.UserProperty;
import org.junit.jupiter.api.Test;

class UnsubscribeDecodingTest {

    @Test
    void decodesMqtt311Unsubscribe() {
        byte[] wire = bytes(
                0xA2,                   // UNSUBSCRIBE, flags 0010
                0x09,                   // remaining length 9
                0x00, 0x02,             // packet id 2
                0x00, 0x01, 'a',        // filter "a"
                0x00, 0x02, 'b', '#');  // filter "b#"

        Unsubscribe unsubscribe = (Unsubscribe) decode(ProtocolVersion.MQTT_3_1_1, wire);

        assertThat(unsubscribe.packetId()).isEqualTo(2);
        assertThat(unsubscribe.filters()).containsExactly("a", "b#");
    }

    @Test
    void decodesMqtt5UnsubscribeWithUserProperty() {
        byte[] wire = bytes(
                0xA2,                   // UNSUBSCRIBE
                0x0D,                   // remaining length 13
                0x00, 0x03,             // packet id 3
                0x07,                   // property length 7
                0x26, 0x00, 0x01, 'k', 0x00, 0x01, 'v', // User Property k=v
                0x00, 0x01, 'a');       // filter "a"   -> 2 + 1 + 7 + 3 = 13

        Unsubscribe unsubscribe = (Unsubscribe) decode(ProtocolVersion.MQTT_5, wire);

        assertThat(unsubscribe.filters()).containsExactly("a");
        assertThat(unsubscribe.properties().userProperties()).containsExactly(new UserProperty("k", "v"));
    }

    /** [MQTT-3.10.3-2] */
    @Test
    void rejectsUnsubscribeWithoutFilters() {
        assertThat(decodeError(ProtocolVersion.MQTT_3_1_1, bytes(0xA2, 0x02, 0x00, 0x01)).reasonCode())
                .isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    /** [MQTT-3.10.1-1] [MQTT-2.2.2-2] */
    @Test
    void rejectsUnsubscribeWithoutItsReservedFlags() {
        assertThat(decodeError(ProtocolVersion.MQTT_5, bytes(0xA0, 0x06, 0x00, 0x01, 0x00, 0x00, 0x01, 'a')).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }
}
