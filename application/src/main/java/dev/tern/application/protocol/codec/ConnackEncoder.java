package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;

/** CONNACK (3.2): acknowledge flags, reason (return) code, MQTT 5 properties. */
final class ConnackEncoder implements BodyEncoder<Connack> {

    @Override
    public int bodySize(Connack c, ProtocolVersion version) {
        return 2 + (version.isV5() ? PropertiesEncoder.encodedSize(c.properties()) : 0);
    }

    @Override
    public void writeBody(Connack c, ProtocolVersion version, ByteBuffer out) {
        out.put((byte) (c.sessionPresent() ? 1 : 0));
        out.put((byte) c.reasonCode());
        if (version.isV5()) {
            PropertiesEncoder.write(c.properties(), out);
        }
    }
}
