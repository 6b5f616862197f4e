package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import java.util.ArrayList;
import java.util.List;

/** SUBACK (3.9): only a client receives it; one code per filter of the SUBSCRIBE. */
final class SubackDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        int packetId = in.readTwoByteInteger();
        if (in.failed()) {
            return null;
        }
        if (packetId == 0) {
            return in.malformed("SUBACK with packet identifier 0 [MQTT-2.3.1-1]");
        }
        boolean v5 = context.isV5();
        Properties properties = v5 ? PropertiesDecoder.read(in, PacketType.SUBACK) : Properties.EMPTY;
        List<Integer> codes = new ArrayList<>(in.remaining());
        while (in.hasRemaining()) {
            int code = in.readByte();
            if (!v5 && !isV3ReturnCode(code)) {
                return in.malformed("SUBACK return code " + code + " is not 0, 1, 2 or 0x80 (3.9.3)");
            }
            codes.add(code);
        }
        if (in.failed()) {
            return null;
        }
        if (codes.isEmpty()) {
            return in.protocolError("SUBACK without return codes [MQTT-3.9.3-1]");
        }
        return new Suback(packetId, codes, properties);
    }

    private static boolean isV3ReturnCode(int code) {
        return code <= ReasonCode.GRANTED_QOS_2 || code == ReasonCode.V3_SUBACK_FAILURE;
    }
}
