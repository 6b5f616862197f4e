package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Unsuback;
import java.nio.ByteBuffer;

/** UNSUBACK (3.11): the packet identifier alone in MQTT 3.x; properties and codes in MQTT 5. */
final class UnsubackEncoder implements BodyEncoder<Unsuback> {

    @Override
    public int bodySize(Unsuback u, ProtocolVersion version) {
        return 2 + (version.isV5() ? PropertiesEncoder.encodedSize(u.properties()) + u.reasonCodes().size() : 0);
    }

    @Override
    public void writeBody(Unsuback u, ProtocolVersion version, ByteBuffer out) {
        out.putShort((short) u.packetId());
        if (version.isV5()) {
            PropertiesEncoder.write(u.properties(), out);
            for (int code : u.reasonCodes()) {
                out.put((byte) code);
            }
        }
    }
}
