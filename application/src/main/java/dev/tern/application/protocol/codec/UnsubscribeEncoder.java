package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Unsubscribe;
import java.nio.ByteBuffer;

/** UNSUBSCRIBE (3.10): packet identifier, MQTT 5 properties, the filters. */
final class UnsubscribeEncoder implements BodyEncoder<Unsubscribe> {

    @Override
    public int flags(Unsubscribe packet) {
        return 0b0010;
    }

    @Override
    public int bodySize(Unsubscribe u, ProtocolVersion version) {
        int size = 2 + (version.isV5() ? PropertiesEncoder.encodedSize(u.properties()) : 0);
        for (String filter : u.filters()) {
            size += Utf8StringEncoder.encodedSize(filter);
        }
        return size;
    }

    @Override
    public void writeBody(Unsubscribe u, ProtocolVersion version, ByteBuffer out) {
        out.putShort((short) u.packetId());
        if (version.isV5()) {
            PropertiesEncoder.write(u.properties(), out);
        }
        for (String filter : u.filters()) {
            Utf8StringEncoder.write(filter, out);
        }
    }
}
