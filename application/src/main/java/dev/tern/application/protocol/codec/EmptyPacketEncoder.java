package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.ProtocolVersion;
import java.nio.ByteBuffer;

/** PINGREQ and PINGRESP: a fixed header with Remaining Length 0. */
final class EmptyPacketEncoder implements BodyEncoder<MqttPacket> {

    @Override
    public int bodySize(MqttPacket packet, ProtocolVersion version) {
        return 0;
    }

    @Override
    public void writeBody(MqttPacket packet, ProtocolVersion version, ByteBuffer out) {
        // Nothing follows the fixed header.
    }
}
