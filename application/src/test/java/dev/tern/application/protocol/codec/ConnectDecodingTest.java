package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectDecodingTest {

    @Test
    void decodesMqtt311ConnectWithWillUsernameAndPassword() {
        byte[] wire = bytes(
                0x10,                         // CONNECT, flags 0
                0x1D,                         // remaining length 29
                0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name "MQTT"
                0x04,                         // protocol level 4 (3.1.1)
                0xEE,                         // flags: user, password, will retain, will QoS 1, will, clean session
                0x00, 0x3C,                   // keep alive 60 s
                0x00, 0x03, 'c', 'i', 'd',    // client id "cid"
                0x00, 0x01, 'w',              // will topic "w"
                0x00, 0x02, 0x01, 0x02,       // will payload 2 bytes
                0x00, 0x01, 'u',              // user name "u"
                0x00, 0x02, 'p', 'w');        // password "pw"

        Connect connect = (Connect) decode(null, wire);

        assertThat(connect.version()).isEqualTo(ProtocolVersion.MQTT_3_1_1);
        assertThat(connect.cleanStart()).isTrue();
        assertThat(connect.keepAliveSeconds()).isEqualTo(60);
        assertThat(connect.clientId()).isEqualTo("cid");
        assertThat(connect.will().topic()).isEqualTo("w");
        assertThat(connect.will().payload().toByteArray()).containsExactly(1, 2);
        assertThat(connect.will().qos()).isEqualTo(Qos.AT_LEAST_ONCE);
        assertThat(connect.will().retain()).isTrue();
        assertThat(connect.username()).isEqualTo("u");
        assertThat(connect.password()).isEqualTo("pw".getBytes(StandardCharsets.UTF_8));
        assertThat(connect.properties()).isEqualTo(Properties.EMPTY);
    }

    @Test
    void decodesMqtt5ConnectWithConnectAndWillProperties() {
        byte[] wire = bytes(
                0x10,                         // CONNECT
                0x1E,                         // remaining length 30
                0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name "MQTT"
                0x05,                         // protocol level 5
                0x06,                         // flags: will (QoS 0, no retain), clean start
                0x00, 0x0A,                   // keep alive 10 s
                0x05,                         // property length 5
                0x11, 0x00, 0x00, 0x00, 0x3C, // Session Expiry Interval 60
                0x00, 0x01, 'c',              // client id "c"
                0x05,                         // will property length 5
                0x18, 0x00, 0x00, 0x00, 0x05, // Will Delay Interval 5
                0x00, 0x01, 'w',              // will topic "w"
                0x00, 0x00);                  // will payload, empty

        Connect connect = (Connect) decode(null, wire);

        assertThat(connect.version()).isEqualTo(ProtocolVersion.MQTT_5);
        assertThat(connect.keepAliveSeconds()).isEqualTo(10);
        assertThat(connect.properties().integer(PropertyId.SESSION_EXPIRY_INTERVAL, -1)).isEqualTo(60);
        assertThat(connect.will().properties().integer(PropertyId.WILL_DELAY_INTERVAL, -1)).isEqualTo(5);
        assertThat(connect.will().qos()).isEqualTo(Qos.AT_MOST_ONCE);
        assertThat(connect.will().payload().isEmpty()).isTrue();
        assertThat(connect.username()).isNull();
        assertThat(connect.password()).isNull();
    }

    @Test
    void decodesMqtt31ConnectByItsProtocolName() {
        byte[] wire = bytes(
                0x10,                                       // CONNECT
                0x0F,                                       // remaining length 15
                0x00, 0x06, 'M', 'Q', 'I', 's', 'd', 'p',   // protocol name "MQIsdp"
                0x03,                                       // protocol level 3 (3.1)
                0x02,                                       // flags: clean session
                0x00, 0x3C,                                 // keep alive 60 s
                0x00, 0x01, 'c');                           // client id "c"

        Connect connect = (Connect) decode(null, wire);

        assertThat(connect.version()).isEqualTo(ProtocolVersion.MQTT_3_1);
        assertThat(connect.clientId()).isEqualTo("c");
    }

    /** [MQTT-3.1.2-1] [MQTT-3.1.2-2]: the engine answers 0x84 with CONNACK 0x01 or 0x84. */
    @Test
    void rejectsUnknownProtocolNameOrLevelAsUnsupportedVersion() {
        assertThat(decodeError(null, connect("MQTX", 4, 0x02)).reasonCode())
                .isEqualTo(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(decodeError(null, connect("MQTT", 3, 0x02)).reasonCode())
                .isEqualTo(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(decodeError(null, connect("MQTT", 6, 0x02)).reasonCode())
                .isEqualTo(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(decodeError(null, connect("MQIsdp", 4, 0x02)).reasonCode())
                .isEqualTo(ReasonCode.UNSUPPORTED_PROTOCOL_VERSION);
    }

    /** [MQTT-3.1.2-3] */
    @Test
    void rejectsReservedConnectFlag() {
        assertThat(decodeError(null, connect("MQTT", 4, 0x03)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-3.1.2-11] [MQTT-3.1.2-13] */
    @Test
    void rejectsWillQosWithoutWillFlag() {
        assertThat(decodeError(null, connect("MQTT", 4, 0x0A)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-3.1.2-15] */
    @Test
    void rejectsWillRetainWithoutWillFlag() {
        assertThat(decodeError(null, connect("MQTT", 4, 0x22)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-3.1.2-14] */
    @Test
    void rejectsWillQos3() {
        assertThat(decodeError(null, connect("MQTT", 4, 0x1E, 0x00, 0x01, 'w', 0x00, 0x00)).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-3.1.2-22] holds in 3.1.1 only; MQTT 5 allows a password without a user name (3.1.2.9). */
    @Test
    void rejectsPasswordWithoutUsernameOnlyBeforeMqtt5() {
        assertThat(decodeError(null, connect("MQTT", 4, 0x42, 0x00, 0x01, 'p')).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);

        Connect v5 = (Connect) decode(null, connect("MQTT", 5, 0x42, 0x00, 0x01, 'p'));

        assertThat(v5.username()).isNull();
        assertThat(v5.password()).containsExactly('p');
    }

    @Test
    void rejectsTrailingBytesAfterThePayload() {
        assertThat(decodeError(null, connect("MQTT", 4, 0x02, 0x00)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** 2.2.2.2: a property not valid for the packet type makes it malformed. */
    @Test
    void rejectsPublishOnlyPropertyInConnect() {
        byte[] wire = bytes(
                0x10, 0x10,                     // CONNECT, remaining length 16
                0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name
                0x05, 0x02, 0x00, 0x00,         // level 5, clean start, keep alive 0
                0x03, 0x23, 0x00, 0x01,         // properties: Topic Alias 1 (PUBLISH only)
                0x00, 0x00);                    // client id ""

        assertThat(decodeError(null, wire).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** 3.1.3.2: a will property must be one the will may carry. */
    @Test
    void rejectsConnectPropertyAmongWillProperties() {
        byte[] wire = bytes(
                0x10, 0x18,                     // CONNECT, remaining length 24
                0x00, 0x04, 'M', 'Q', 'T', 'T', // protocol name
                0x05, 0x06, 0x00, 0x00,         // level 5, will + clean start, keep alive 0
                0x00,                           // no properties
                0x00, 0x00,                     // client id ""
                0x05, 0x11, 0x00, 0x00, 0x00, 0x01, // will properties: Session Expiry Interval (not a will property)
                0x00, 0x01, 'w',                // will topic
                0x00, 0x00);                    // will payload

        assertThat(decodeError(null, wire).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** A CONNECT with the given header fields, keep alive 0, empty client id, then {@code rest}. */
    private static byte[] connect(String name, int level, int flags, int... rest) {
        int bodyLength = 2 + name.length() + 1 + 1 + 2 + (level == 5 ? 1 : 0) + 2 + rest.length;
        int[] all = new int[2 + bodyLength];
        int i = 0;
        all[i++] = 0x10;
        all[i++] = bodyLength;
        all[i++] = 0;
        all[i++] = name.length();
        for (char c : name.toCharArray()) {
            all[i++] = c;
        }
        all[i++] = level;
        all[i++] = flags;
        all[i++] = 0;
        all[i++] = 0;
        if (level == 5) {
            all[i++] = 0;
        }
        all[i++] = 0;
        all[i++] = 0;
        for (int r : rest) {
            all[i++] = r;
        }
        return bytes(all);
    }
}
