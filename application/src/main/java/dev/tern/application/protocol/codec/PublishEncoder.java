package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import java.nio.ByteBuffer;

/** PUBLISH (3.3). The header parts are exposed for the zero-copy path of {@link PacketEncoder}. */
final class PublishEncoder implements BodyEncoder<Publish> {

    @Override
    public int flags(Publish p) {
        return fixedHeaderFlags(p);
    }

    @Override
    public int bodySize(Publish p, ProtocolVersion version) {
        return variableHeaderSize(p, version) + p.payload().size();
    }

    @Override
    public void writeBody(Publish p, ProtocolVersion version, ByteBuffer out) {
        writeVariableHeader(p, version, out);
        p.payload().writeTo(out);
    }

    static int fixedHeaderFlags(Publish p) {
        return (p.dup() ? 0b1000 : 0) | p.qos().value() << 1 | (p.retain() ? 1 : 0);
    }

    static int variableHeaderSize(Publish p, ProtocolVersion version) {
        return Utf8StringEncoder.encodedSize(p.topic())
                + (p.qos().value() > 0 ? 2 : 0)
                + (version.isV5() ? PropertiesEncoder.encodedSize(p.properties()) : 0);
    }

    static void writeVariableHeader(Publish p, ProtocolVersion version, ByteBuffer out) {
        Utf8StringEncoder.write(p.topic(), out);
        if (p.qos().value() > 0) {
            out.putShort((short) p.packetId());
        }
        if (version.isV5()) {
            PropertiesEncoder.write(p.properties(), out);
        }
    }
}
