package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Suback;
import java.nio.ByteBuffer;

/** SUBACK (3.9): packet identifier, MQTT 5 properties, one code per filter. */
final class SubackEncoder implements BodyEncoder<Suback> {

    @Override
    public int bodySize(Suback s, ProtocolVersion version) {
        return 2 + (version.isV5() ? PropertiesEncoder.encodedSize(s.properties()) : 0) + s.reasonCodes().size();
    }

    @Override
    public void writeBody(Suback s, ProtocolVersion version, ByteBuffer out) {
        out.putShort((short) s.packetId());
        if (version.isV5()) {
            PropertiesEncoder.write(s.properties(), out);
        }
        for (int code : s.reasonCodes()) {
            out.put((byte) code);
        }
    }
}
