package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ReasonCode;

/**
 * DISCONNECT (3.14). Empty in MQTT 3.x. In MQTT 5 a Remaining Length of 0 means Normal
 * disconnection, and below 2 the properties are absent (3.14.2.1 / 3.14.2.2.1).
 */
final class DisconnectDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        if (!context.isV5() || !in.hasRemaining()) {
            in.expectEnd("DISCONNECT");
            return in.failed() ? null : Disconnect.NORMAL;
        }
        int reasonCode = in.readByte();
        Properties properties = in.hasRemaining() ? PropertiesDecoder.read(in, PacketType.DISCONNECT) : Properties.EMPTY;
        in.expectEnd("DISCONNECT");
        if (in.failed()) {
            return null;
        }
        return reasonCode == ReasonCode.NORMAL_DISCONNECTION && properties.isEmpty()
                ? Disconnect.NORMAL : new Disconnect(reasonCode, properties);
    }
}
