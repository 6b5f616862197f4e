package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.concat;
import static dev.tern.application.protocol.codec.Wire.encode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.Pubrel;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacketEncoderTest {

    private static final ProtocolVersion V3 = ProtocolVersion.MQTT_3_1_1;
    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;

    @Test
    void encodesPublishFieldByField() {
        Publish publish = new Publish(false, Qos.AT_LEAST_ONCE, true, "a/b", 0x0102,
                Properties.builder().integer(PropertyId.MESSAGE_EXPIRY_INTERVAL, 60).build(), Payload.wrap(new byte[] {'x'}));

        assertThat(encode(publish, V5)).containsExactly(bytes(
                0x33,                           // PUBLISH, QoS 1, retain
                0x0E,                           // remaining length 14
                0x00, 0x03, 'a', '/', 'b',      // topic "a/b"
                0x01, 0x02,                     // packet id 0x0102
                0x05,                           // property length 5
                0x02, 0x00, 0x00, 0x00, 0x3C,   // Message Expiry Interval 60
                'x'));                          // payload
    }

    /** 3.4.2.1: Success without properties is sent as the 2-byte form. */
    @Test
    void encodesSuccessfulAcknowledgementInShortForm() {
        assertThat(encode(Puback.of(5), V5)).containsExactly(bytes(0x40, 0x02, 0x00, 0x05));
        assertThat(encode(Pubrel.of(5), V5)).containsExactly(bytes(0x62, 0x02, 0x00, 0x05)); // PUBREL flags 0010
        assertThat(encode(new Puback(5, ReasonCode.NO_MATCHING_SUBSCRIBERS, null), V5))
                .containsExactly(bytes(0x40, 0x03, 0x00, 0x05, 0x10));
    }

    /** 3.14.2.1 and 3.15.2.1: Normal disconnection and Success AUTH have no body. */
    @Test
    void encodesNormalDisconnectAndSuccessAuthEmpty() {
        assertThat(encode(Disconnect.NORMAL, V5)).containsExactly(bytes(0xE0, 0x00));
        assertThat(encode(new Auth(ReasonCode.SUCCESS, null), V5)).containsExactly(bytes(0xF0, 0x00));
    }

    @Test
    void leavesMqtt5FieldsOutOnMqtt311() {
        Puback withReason = new Puback(5, ReasonCode.QUOTA_EXCEEDED,
                Properties.builder().string(PropertyId.REASON_STRING, "r").build());

        assertThat(encode(withReason, V3)).containsExactly(bytes(0x40, 0x02, 0x00, 0x05));
        assertThat(encode(new Disconnect(ReasonCode.SERVER_BUSY, null), V3)).containsExactly(bytes(0xE0, 0x00));
        assertThat(encode(new Suback(1, List.of(0x80), null), V3)).containsExactly(bytes(0x90, 0x03, 0x00, 0x01, 0x80));
    }

    @Test
    void refusesAuthOnMqtt311() {
        assertThatThrownBy(() -> PacketEncoder.encode(new Auth(ReasonCode.SUCCESS, null), V3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publishHeaderCountsThePayloadTheCallerWritesSeparately() {
        byte[] payload = new byte[200];
        Publish publish = new Publish(false, Qos.AT_MOST_ONCE, false, "t", 0, null, Payload.wrap(payload));

        ByteBuffer header = PacketEncoder.encodePublishHeader(publish, V3);
        byte[] headerBytes = new byte[header.remaining()];
        header.get(headerBytes);

        assertThat(headerBytes).containsExactly(bytes(
                0x30,               // PUBLISH QoS 0
                0xCB, 0x01,         // remaining length 203 = 3 (topic) + 200 (payload)
                0x00, 0x01, 't'));  // topic "t"
        assertThat(concat(headerBytes, payload)).containsExactly(encode(publish, V3));
    }

    @Test
    void reportsTheWholeEncodedSize() {
        Publish publish = new Publish(false, Qos.AT_MOST_ONCE, false, "t", 0, null, Payload.wrap(new byte[200]));

        assertThat(PacketEncoder.encodedSize(publish, V3)).isEqualTo(206);
    }

    @Test
    void writesLoneSurrogatesAsQuestionMarkSoOutputStaysWellFormed() {
        Publish publish = new Publish(false, Qos.AT_MOST_ONCE, false, "a\uD800", 0, null, Payload.EMPTY);

        assertThat(encode(publish, V3)).containsExactly(bytes(0x30, 0x04, 0x00, 0x02, 'a', '?'));
    }
}
