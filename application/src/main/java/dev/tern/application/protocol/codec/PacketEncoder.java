package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import java.nio.ByteBuffer;

/**
 * Encodes any packet, client-bound or server-bound, for a connection of the given version.
 * MQTT 5 only fields (properties, reason codes) are left out on 3.x connections; a CONNECT is
 * always encoded in the version it names. Encoding a packet that the version cannot express (AUTH
 * on 3.x) or with oversized fields is a programming error and throws IllegalArgumentException.
 *
 * <p>Threading: stateless, callable from any thread.
 */
public final class PacketEncoder {

    private PacketEncoder() {
    }

    /** Complete packet bytes in a heap buffer, flipped and ready to read. */
    public static ByteBuffer encode(MqttPacket packet, ProtocolVersion version) {
        BodyEncoder<MqttPacket> encoder = PacketEncoders.forType(packet.type());
        int bodySize = encoder.bodySize(packet, version);
        ByteBuffer out = ByteBuffer.allocate(1 + VariableByteInteger.size(bodySize) + bodySize);
        writeFixedHeader(packet.type(), encoder.flags(packet), bodySize, out);
        encoder.writeBody(packet, version, out);
        return out.flip();
    }

    /**
     * For PUBLISH: fixed header and variable header only. The Remaining Length counts the payload,
     * which the caller writes after these bytes straight from {@link Publish#payload()}.
     */
    public static ByteBuffer encodePublishHeader(Publish publish, ProtocolVersion version) {
        int headerSize = PublishEncoder.variableHeaderSize(publish, version);
        int bodySize = headerSize + publish.payload().size();
        ByteBuffer out = ByteBuffer.allocate(1 + VariableByteInteger.size(bodySize) + headerSize);
        writeFixedHeader(PacketType.PUBLISH, PublishEncoder.fixedHeaderFlags(publish), bodySize, out);
        PublishEncoder.writeVariableHeader(publish, version, out);
        return out.flip();
    }

    /** Size in bytes of the whole encoded packet, to compare with a client's Maximum Packet Size. */
    public static int encodedSize(MqttPacket packet, ProtocolVersion version) {
        int bodySize = PacketEncoders.forType(packet.type()).bodySize(packet, version);
        return 1 + VariableByteInteger.size(bodySize) + bodySize;
    }

    private static void writeFixedHeader(PacketType type, int flags, int remainingLength, ByteBuffer out) {
        out.put((byte) (type.value() << 4 | flags));
        VariableByteInteger.write(remainingLength, out);
    }
}
