package dev.tern.application.protocol.packet;

import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;

/**
 * PUBLISH (3.3). {@code packetId} is 0 at QoS 0 and 1..65535 otherwise. {@code topic} may be
 * empty only in MQTT 5 when a Topic Alias property names the topic.
 */
public record Publish(
        boolean dup,
        Qos qos,
        boolean retain,
        String topic,
        int packetId,
        Properties properties,
        Payload payload) implements MqttPacket {

    public Publish {
        if (qos == null || topic == null || payload == null) {
            throw new IllegalArgumentException("qos, topic and payload must not be null");
        }
        if (qos == Qos.AT_MOST_ONCE) {
            if (packetId != 0) {
                throw new IllegalArgumentException("QoS 0 PUBLISH has no packet identifier [MQTT-2.3.1-5]");
            }
            if (dup) {
                throw new IllegalArgumentException("QoS 0 PUBLISH must not have DUP set [MQTT-3.3.1-2]");
            }
        } else {
            MqttPacket.checkPacketId(packetId);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBLISH;
    }

    public Publish withDup(boolean newDup) {
        return new Publish(newDup, qos, retain, topic, packetId, properties, payload);
    }
}
