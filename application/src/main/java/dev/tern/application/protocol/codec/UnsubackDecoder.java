package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Unsuback;
import java.util.ArrayList;
import java.util.List;

/** UNSUBACK (3.11): only a client receives it; MQTT 3.x carries no payload, MQTT 5 one code per filter. */
final class UnsubackDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        int packetId = in.readTwoByteInteger();
        if (in.failed()) {
            return null;
        }
        if (packetId == 0) {
            return in.malformed("UNSUBACK with packet identifier 0 [MQTT-2.3.1-1]");
        }
        if (!context.isV5()) {
            in.expectEnd("UNSUBACK");
            return in.failed() ? null : new Unsuback(packetId, List.of(), Properties.EMPTY);
        }
        Properties properties = PropertiesDecoder.read(in, PacketType.UNSUBACK);
        List<Integer> codes = new ArrayList<>(in.remaining());
        while (in.hasRemaining()) {
            codes.add(in.readByte());
        }
        if (in.failed()) {
            return null;
        }
        if (codes.isEmpty()) {
            return in.protocolError("UNSUBACK without reason codes [MQTT-3.11.3-1]");
        }
        return new Unsuback(packetId, codes, properties);
    }
}
