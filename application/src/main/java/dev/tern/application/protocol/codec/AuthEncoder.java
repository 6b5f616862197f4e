package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;

/** AUTH (3.15): MQTT 5 only; empty for Success without properties. */
final class AuthEncoder implements BodyEncoder<Auth> {

    @Override
    public int bodySize(Auth a, ProtocolVersion version) {
        if (!version.isV5()) {
            throw new IllegalArgumentException("AUTH exists only in MQTT 5, not " + version);
        }
        return ReasonAndPropertiesEncoder.size(a.reasonCode(), a.properties());
    }

    @Override
    public void writeBody(Auth a, ProtocolVersion version, ByteBuffer out) {
        ReasonAndPropertiesEncoder.write(a.reasonCode(), a.properties(), out);
    }
}
