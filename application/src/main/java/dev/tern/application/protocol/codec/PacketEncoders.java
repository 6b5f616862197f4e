package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;

/** The body encoder of each packet type, indexed by packet type. */
final class PacketEncoders {

    private static final BodyEncoder<?>[] BY_TYPE = new BodyEncoder<?>[16];

    static {
        register(PacketType.CONNECT, new ConnectEncoder());
        register(PacketType.CONNACK, new ConnackEncoder());
        register(PacketType.PUBLISH, new PublishEncoder());
        register(PacketType.PUBACK, PublishAckEncoder.PUBACK);
        register(PacketType.PUBREC, PublishAckEncoder.PUBREC);
        register(PacketType.PUBREL, PublishAckEncoder.PUBREL);
        register(PacketType.PUBCOMP, PublishAckEncoder.PUBCOMP);
        register(PacketType.SUBSCRIBE, new SubscribeEncoder());
        register(PacketType.SUBACK, new SubackEncoder());
        register(PacketType.UNSUBSCRIBE, new UnsubscribeEncoder());
        register(PacketType.UNSUBACK, new UnsubackEncoder());
        register(PacketType.PINGREQ, new EmptyPacketEncoder());
        register(PacketType.PINGRESP, new EmptyPacketEncoder());
        register(PacketType.DISCONNECT, new DisconnectEncoder());
        register(PacketType.AUTH, new AuthEncoder());
    }

    private PacketEncoders() {
    }

    private static void register(PacketType type, BodyEncoder<?> encoder) {
        BY_TYPE[type.value()] = encoder;
    }

    @SuppressWarnings("unchecked")
    static BodyEncoder<MqttPacket> forType(PacketType type) {
        // Safe: each slot holds the encoder registered for exactly that packet record.
        return (BodyEncoder<MqttPacket>) BY_TYPE[type.value()];
    }
}
