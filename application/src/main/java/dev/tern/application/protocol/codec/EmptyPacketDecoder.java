package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;

/** PINGREQ and PINGRESP (3.12, 3.13): no variable header, no payload; the shared instance is returned. */
final class EmptyPacketDecoder implements PacketDecoder {

    private final MqttPacket instance;

    EmptyPacketDecoder(MqttPacket instance) {
        this.instance = instance;
    }

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        in.expectEnd(instance.type().name());
        return in.failed() ? null : instance;
    }
}
