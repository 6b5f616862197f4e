package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.WillFields;
import java.nio.ByteBuffer;

/** CONNECT (3.1), in the version the packet names rather than the connection's. */
final class ConnectEncoder implements BodyEncoder<Connect> {

    @Override
    public int bodySize(Connect c, ProtocolVersion ignored) {
        boolean v5 = c.version().isV5();
        int size = Utf8StringEncoder.encodedSize(c.version().protocolName()) + 1 + 1 + 2;
        if (v5) {
            size += PropertiesEncoder.encodedSize(c.properties());
        }
        size += Utf8StringEncoder.encodedSize(c.clientId());
        WillFields will = c.will();
        if (will != null) {
            if (v5) {
                size += PropertiesEncoder.encodedSize(will.properties());
            }
            size += Utf8StringEncoder.encodedSize(will.topic()) + 2 + will.payload().size();
        }
        if (c.username() != null) {
            size += Utf8StringEncoder.encodedSize(c.username());
        }
        if (c.password() != null) {
            size += BinaryDataEncoder.encodedSize(c.password());
        }
        return size;
    }

    @Override
    public void writeBody(Connect c, ProtocolVersion ignored, ByteBuffer out) {
        boolean v5 = c.version().isV5();
        Utf8StringEncoder.write(c.version().protocolName(), out);
        out.put((byte) c.version().level());
        out.put((byte) connectFlags(c));
        out.putShort((short) c.keepAliveSeconds());
        if (v5) {
            PropertiesEncoder.write(c.properties(), out);
        }
        Utf8StringEncoder.write(c.clientId(), out);
        WillFields will = c.will();
        if (will != null) {
            if (v5) {
                PropertiesEncoder.write(will.properties(), out);
            }
            Utf8StringEncoder.write(will.topic(), out);
            if (will.payload().size() > 0xFFFF) {
                throw new IllegalArgumentException("will payload longer than 65535 bytes");
            }
            out.putShort((short) will.payload().size());
            will.payload().writeTo(out);
        }
        if (c.username() != null) {
            Utf8StringEncoder.write(c.username(), out);
        }
        if (c.password() != null) {
            BinaryDataEncoder.write(c.password(), out);
        }
    }

    private static int connectFlags(Connect c) {
        int flags = c.cleanStart() ? 0x02 : 0;
        if (c.will() != null) {
            flags |= 0x04 | c.will().qos().value() << 3 | (c.will().retain() ? 0x20 : 0);
        }
        if (c.password() != null) {
            flags |= 0x40;
        }
        if (c.username() != null) {
            flags |= 0x80;
        }
        return flags;
    }
}
