package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;

/** CONNACK (3.2): only a client receives it; decoded so tests can read what the broker sent. */
final class ConnackDecoder implements PacketDecoder {

    private static final int SESSION_PRESENT = 0x01;

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        int ackFlags = in.readByte();
        int reasonCode = in.readByte();
        if (in.failed()) {
            return null;
        }
        if ((ackFlags & ~SESSION_PRESENT) != 0) {
            return in.malformed("CONNACK reserved acknowledge flags must be 0 [MQTT-3.2.2-1]");
        }
        Properties properties = context.isV5() ? PropertiesDecoder.read(in, PacketType.CONNACK) : Properties.EMPTY;
        in.expectEnd("CONNACK");
        if (in.failed()) {
            return null;
        }
        return new Connack((ackFlags & SESSION_PRESENT) != 0, reasonCode, properties);
    }
}
