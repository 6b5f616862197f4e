package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ReasonCode;

/**
 * PUBACK, PUBREC, PUBREL and PUBCOMP (3.4 to 3.7) share one layout: packet identifier, then in
 * MQTT 5 an optional reason code and optional properties. A Remaining Length of 2 means success
 * without properties, and below 4 the properties are absent (3.4.2.1 / 3.4.2.2.1).
 */
final class PublishAckDecoder implements PacketDecoder {

    /** Builds the packet; matches the canonical constructors of the four ack records. */
    interface Factory {
        MqttPacket create(int packetId, int reasonCode, Properties properties);
    }

    private final PacketType type;
    private final Factory factory;

    PublishAckDecoder(PacketType type, Factory factory) {
        this.type = type;
        this.factory = factory;
    }

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        int packetId = in.readTwoByteInteger();
        if (in.failed()) {
            return null;
        }
        if (packetId == 0) {
            return in.malformed(type + " with packet identifier 0 [MQTT-2.3.1-1]");
        }
        int reasonCode = ReasonCode.SUCCESS;
        Properties properties = Properties.EMPTY;
        if (context.isV5()) {
            reasonCode = in.hasRemaining() ? in.readByte() : ReasonCode.SUCCESS;
            properties = in.hasRemaining() ? PropertiesDecoder.read(in, type) : Properties.EMPTY;
        }
        in.expectEnd(type.name());
        if (in.failed()) {
            return null;
        }
        return factory.create(packetId, reasonCode, properties);
    }
}
