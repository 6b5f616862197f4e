package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.Auth;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ReasonCode;

/**
 * AUTH (3.15, MQTT 5 only; {@link FixedHeaderRules} rejects it elsewhere). A Remaining Length of 0
 * means Success without properties (3.15.2.1).
 */
final class AuthDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        int reasonCode = in.hasRemaining() ? in.readByte() : ReasonCode.SUCCESS;
        Properties properties = in.hasRemaining() ? PropertiesDecoder.read(in, PacketType.AUTH) : Properties.EMPTY;
        in.expectEnd("AUTH");
        if (in.failed()) {
            return null;
        }
        return new Auth(reasonCode, properties);
    }
}
