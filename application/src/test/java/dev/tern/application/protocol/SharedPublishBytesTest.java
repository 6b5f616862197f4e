package dev.tern.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SharedPublishBytesTest {

    private final String topic = "plant/7/temperature";
    private final Payload payload = Payload.wrap(new byte[] {1, 2, 3, 4});

    private Publish qos0(boolean retain) {
        return new Publish(false, Qos.AT_MOST_ONCE, retain, topic, 0, Properties.EMPTY, payload);
    }

    @Test
    void givesTheDeliveriesOfOneMessageTheSameBytesEncodedOnce() {
        ByteBuffer first = SharedPublishBytes.wholeOrNull(qos0(false), ProtocolVersion.MQTT_3_1_1);
        ByteBuffer second = SharedPublishBytes.wholeOrNull(qos0(false), ProtocolVersion.MQTT_3_1_1);

        assertThat(second.array()).isSameAs(first.array());
        assertThat(first).isEqualTo(PacketEncoder.encode(qos0(false), ProtocolVersion.MQTT_3_1_1));
    }

    @Test
    void givesEveryDeliveryTheSameBufferObjectForTheTransportToCopyWithoutMovingIt() {
        ByteBuffer first = SharedPublishBytes.wholeOrNull(qos0(false), ProtocolVersion.MQTT_3_1_1);

        ByteBuffer second = SharedPublishBytes.wholeOrNull(qos0(false), ProtocolVersion.MQTT_3_1_1);

        assertThat(second).isSameAs(first);
    }

    @Test
    void keepsTheBytesOfAMessageWhileOthersAreDeliveredInBetween() {
        // A fan-out drains each subscriber's queue in turn: the messages interleave.
        Publish first = qos0(false);
        Publish second = new Publish(false, Qos.AT_MOST_ONCE, false, topic, 0, Properties.EMPTY, Payload.wrap(new byte[] {5}));
        while (SharedPublishBytes.slotOf(second, ProtocolVersion.MQTT_3_1_1)
                == SharedPublishBytes.slotOf(first, ProtocolVersion.MQTT_3_1_1)) {
            second = new Publish(false, Qos.AT_MOST_ONCE, false, topic, 0, Properties.EMPTY, Payload.wrap(new byte[] {5}));
        }

        ByteBuffer firstBytes = SharedPublishBytes.wholeOrNull(first, ProtocolVersion.MQTT_3_1_1);
        ByteBuffer secondBytes = SharedPublishBytes.wholeOrNull(second, ProtocolVersion.MQTT_3_1_1);

        assertThat(SharedPublishBytes.wholeOrNull(first, ProtocolVersion.MQTT_3_1_1)).isSameAs(firstBytes);
        assertThat(SharedPublishBytes.wholeOrNull(second, ProtocolVersion.MQTT_3_1_1)).isSameAs(secondBytes);
        assertThat(secondBytes).isEqualTo(PacketEncoder.encode(second, ProtocolVersion.MQTT_3_1_1));
    }

    @Test
    void encodesAgainForAnotherRetainFlagVersionOrMessage() {
        ByteBuffer plain = SharedPublishBytes.wholeOrNull(qos0(false), ProtocolVersion.MQTT_3_1_1);
        ByteBuffer retained = SharedPublishBytes.wholeOrNull(qos0(true), ProtocolVersion.MQTT_3_1_1);
        ByteBuffer v5 = SharedPublishBytes.wholeOrNull(qos0(true), ProtocolVersion.MQTT_5);
        Publish other = new Publish(false, Qos.AT_MOST_ONCE, true, topic, 0, Properties.EMPTY, Payload.wrap(new byte[] {9}));
        ByteBuffer otherPayload = SharedPublishBytes.wholeOrNull(other, ProtocolVersion.MQTT_5);

        assertThat(retained).isEqualTo(PacketEncoder.encode(qos0(true), ProtocolVersion.MQTT_3_1_1)).isNotEqualTo(plain);
        assertThat(v5).isEqualTo(PacketEncoder.encode(qos0(true), ProtocolVersion.MQTT_5));
        assertThat(otherPayload).isEqualTo(PacketEncoder.encode(other, ProtocolVersion.MQTT_5));
    }

    @Test
    void leavesPublishesWithAPacketIdPropertiesOrALargePayloadToTheirOwnEncoding() {
        Publish qos1 = new Publish(false, Qos.AT_LEAST_ONCE, false, topic, 5, Properties.EMPTY, payload);
        Publish withSubscriptionId = new Publish(false, Qos.AT_MOST_ONCE, false, topic, 0,
                Properties.builder().integer(PropertyId.SUBSCRIPTION_IDENTIFIER, 3).build(), payload);
        Publish large = new Publish(false, Qos.AT_MOST_ONCE, false, topic, 0, Properties.EMPTY,
                Payload.wrap(new byte[SharedPublishBytes.MAX_PAYLOAD + 1]));

        assertThat(SharedPublishBytes.wholeOrNull(qos1, ProtocolVersion.MQTT_3_1_1)).isNull();
        assertThat(SharedPublishBytes.wholeOrNull(withSubscriptionId, ProtocolVersion.MQTT_5)).isNull();
        assertThat(SharedPublishBytes.wholeOrNull(large, ProtocolVersion.MQTT_3_1_1)).isNull();
    }
}
