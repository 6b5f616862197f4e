package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;

/** DISCONNECT (3.14): empty in 3.x and for a plain Normal disconnection in MQTT 5. */
final class DisconnectEncoder implements BodyEncoder<Disconnect> {

    @Override
    public int bodySize(Disconnect d, ProtocolVersion version) {
        return version.isV5() ? ReasonAndPropertiesEncoder.size(d.reasonCode(), d.properties()) : 0;
    }

    @Override
    public void writeBody(Disconnect d, ProtocolVersion version, ByteBuffer out) {
        if (version.isV5()) {
            ReasonAndPropertiesEncoder.write(d.reasonCode(), d.properties(), out);
        }
    }
}
