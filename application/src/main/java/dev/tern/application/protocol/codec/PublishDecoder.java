package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;

/**
 * PUBLISH (3.3). The payload is copied at most once, into a fresh array owned by the packet (or
 * not at all: a large packet assembled from pieces keeps its own buffer, see {@link PacketInput#readPayload}).
 * Topic Alias resolution and Subscription Identifier rules need session state: the engine's.
 */
final class PublishDecoder implements PacketDecoder {

    private static final int DUP = 0b1000;
    private static final int RETAIN = 0b0001;

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        int qos = (flags >>> 1) & 0b11;
        String topic = in.readUtf8String();
        int packetId = qos > 0 ? in.readTwoByteInteger() : 0;
        if (in.failed()) {
            return null;
        }
        if (qos > 0 && packetId == 0) {
            return in.malformed("QoS " + qos + " PUBLISH with packet identifier 0 [MQTT-2.3.1-1]");
        }
        if (hasWildcard(topic)) {
            return in.fail(ReasonCode.TOPIC_NAME_INVALID, "PUBLISH topic contains a wildcard [MQTT-3.3.2-2]");
        }
        Properties properties = context.isV5() ? PropertiesDecoder.read(in, PacketType.PUBLISH) : Properties.EMPTY;
        if (in.failed()) {
            return null;
        }
        if (topic.isEmpty()) {
            if (!context.isV5()) {
                return in.fail(ReasonCode.TOPIC_NAME_INVALID, "empty PUBLISH topic [MQTT-4.7.3-1]");
            }
            if (!properties.has(PropertyId.TOPIC_ALIAS)) {
                return in.protocolError("empty PUBLISH topic without Topic Alias (3.3.2.1)");
            }
        }
        Payload payload = in.readPayload();
        if (in.failed()) {
            return null;
        }
        return new Publish((flags & DUP) != 0, Qos.of(qos), (flags & RETAIN) != 0, topic, packetId,
                properties, payload);
    }

    private static boolean hasWildcard(String topic) {
        return topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0;
    }
}
