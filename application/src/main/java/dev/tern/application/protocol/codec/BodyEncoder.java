package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;

/**
 * Encodes what follows the fixed header of one packet type. Implementations are stateless and
 * shared; sizes are computed first so that the output buffer is allocated once, exactly.
 */
interface BodyEncoder<T extends MqttPacket> {

    /** The low nibble of the fixed header's first byte. */
    default int flags(T packet) {
        return 0;
    }

    /** The Remaining Length. */
    int bodySize(T packet, ProtocolVersion version);

    void writeBody(T packet, ProtocolVersion version, ByteBuffer out);
}
