package dev.tern.application.protocol.codec;

import static dev.tern.application.protocol.codec.Wire.bytes;
import static dev.tern.application.protocol.codec.Wire.decode;
import static dev.tern.application.protocol.codec.Wire.decodeError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import org.junit.jupiter.api.Test;

class SubscribeDecodingTest {

    private static final ProtocolVersion V3 = ProtocolVersion.MQTT_3_1_1;
    private static final ProtocolVersion V5 = ProtocolVersion.MQTT_5;

    @Test
    void decodesMqtt311SubscribeWithTwoFilters() {
        byte[] wire = bytes(
                0x82,                   // SUBSCRIBE, flags 0010
                0x0B,                   // remaining length 11
                0x00, 0x0A,             // packet id 10
                0x00, 0x01, '#',        // filter "#"
                0x01,                   // options: QoS 1
                0x00, 0x02, 'a', '+',   // filter "a+" (left for the engine to judge)
                0x02);                  // options: QoS 2

        Subscribe subscribe = (Subscribe) decode(V3, wire);

        assertThat(subscribe.packetId()).isEqualTo(10);
        assertThat(subscribe.subscriptions()).containsExactly(
                TopicSubscription.of("#", Qos.AT_LEAST_ONCE), TopicSubscription.of("a+", Qos.EXACTLY_ONCE));
    }

    @Test
    void decodesMqtt5SubscriptionOptionsAndIdentifier() {
        byte[] wire = bytes(
                0x82,                   // SUBSCRIBE
                0x09,                   // remaining length 9
                0x00, 0x01,             // packet id 1
                0x02, 0x0B, 0x07,       // properties: Subscription Identifier 7
                0x00, 0x01, 'x',        // filter "x"
                0x2D);                  // options: retain handling 2, retain as published, no local, QoS 1

        Subscribe subscribe = (Subscribe) decode(V5, wire);

        assertThat(subscribe.properties().integer(PropertyId.SUBSCRIPTION_IDENTIFIER, -1)).isEqualTo(7);
        assertThat(subscribe.subscriptions()).containsExactly(
                new TopicSubscription("x", Qos.AT_LEAST_ONCE, true, true, RetainHandling.DO_NOT_SEND));
    }

    /** [MQTT-3.8.3-3] in 3.1.1, [MQTT-3.8.3-2] in 5.0. */
    @Test
    void rejectsSubscribeWithoutFiltersAsProtocolError() {
        assertThat(decodeError(V3, bytes(0x82, 0x02, 0x00, 0x01)).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
        assertThat(decodeError(V5, bytes(0x82, 0x03, 0x00, 0x01, 0x00)).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    /** [MQTT-3.8.3-4] (3.1.1): QoS 3 and reserved bits are malformed. */
    @Test
    void rejectsMqtt311RequestedQos3OrReservedBits() {
        assertThat(decodeError(V3, subscribe(false, 0x03)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
        assertThat(decodeError(V3, subscribe(false, 0x04)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** [MQTT-3.8.3-5]: reserved bits 6-7 are malformed in MQTT 5. */
    @Test
    void rejectsMqtt5ReservedOptionBits() {
        assertThat(decodeError(V5, subscribe(true, 0x40)).reasonCode()).isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** 3.8.3.1: in MQTT 5 the spec names QoS 3 and Retain Handling 3 protocol errors. */
    @Test
    void rejectsMqtt5Qos3AndRetainHandling3AsProtocolErrors() {
        assertThat(decodeError(V5, subscribe(true, 0x03)).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
        assertThat(decodeError(V5, subscribe(true, 0x30)).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    /** [MQTT-2.2.2-1] [MQTT-3.8.1-1] */
    @Test
    void rejectsSubscribeWithoutItsReservedFlags() {
        assertThat(decodeError(V3, bytes(0x80, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', 0x00)).reasonCode())
                .isEqualTo(ReasonCode.MALFORMED_PACKET);
    }

    /** 3.8.2.1.2: a Subscription Identifier of 0 is a protocol error. */
    @Test
    void rejectsSubscriptionIdentifierZero() {
        byte[] wire = bytes(0x82, 0x09, 0x00, 0x01, 0x02, 0x0B, 0x00, 0x00, 0x01, 'x', 0x00);

        assertThat(decodeError(V5, wire).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    /** 3.8.2.1.2: Subscription Identifier may appear only once in SUBSCRIBE. */
    @Test
    void rejectsRepeatedSubscriptionIdentifier() {
        byte[] wire = bytes(0x82, 0x0B, 0x00, 0x01, 0x04, 0x0B, 0x01, 0x0B, 0x02, 0x00, 0x01, 'x', 0x00);

        assertThat(decodeError(V5, wire).reasonCode()).isEqualTo(ReasonCode.PROTOCOL_ERROR);
    }

    /** A SUBSCRIBE of filter "a" with the given options byte. */
    private static byte[] subscribe(boolean v5, int options) {
        return v5
                ? bytes(0x82, 0x07, 0x00, 0x01, 0x00, 0x00, 0x01, 'a', options)
                : bytes(0x82, 0x06, 0x00, 0x01, 0x00, 0x01, 'a', options);
    }
}
