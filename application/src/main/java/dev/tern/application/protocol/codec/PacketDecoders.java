package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Pingreq;
import dev.tern.application.protocol.packet.Pingresp;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;

/** The decoder of each packet type, indexed by the type value of the fixed header. */
final class PacketDecoders {

    private static final PacketDecoder[] BY_TYPE = new PacketDecoder[16];

    static {
        register(PacketType.CONNECT, new ConnectDecoder());
        register(PacketType.CONNACK, new ConnackDecoder());
        register(PacketType.PUBLISH, new PublishDecoder());
        register(PacketType.PUBACK, new PublishAckDecoder(PacketType.PUBACK, Puback::new));
        register(PacketType.PUBREC, new PublishAckDecoder(PacketType.PUBREC, Pubrec::new));
        register(PacketType.PUBREL, new PublishAckDecoder(PacketType.PUBREL, Pubrel::new));
        register(PacketType.PUBCOMP, new PublishAckDecoder(PacketType.PUBCOMP, Pubcomp::new));
        register(PacketType.SUBSCRIBE, new SubscribeDecoder());
        register(PacketType.SUBACK, new SubackDecoder());
        register(PacketType.UNSUBSCRIBE, new UnsubscribeDecoder());
        register(PacketType.UNSUBACK, new UnsubackDecoder());
        register(PacketType.PINGREQ, new EmptyPacketDecoder(Pingreq.INSTANCE));
        register(PacketType.PINGRESP, new EmptyPacketDecoder(Pingresp.INSTANCE));
        register(PacketType.DISCONNECT, new DisconnectDecoder());
        register(PacketType.AUTH, new AuthDecoder());
    }

    private PacketDecoders() {
    }

    private static void register(PacketType type, PacketDecoder decoder) {
        BY_TYPE[type.value()] = decoder;
    }

    /** The decoder for a type value 1..15; {@link FixedHeaderRules} has rejected 0 already. */
    static PacketDecoder forType(int typeValue) {
        return BY_TYPE[typeValue];
    }
}
