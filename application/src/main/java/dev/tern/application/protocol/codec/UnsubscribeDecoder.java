package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Unsubscribe;
import java.util.ArrayList;
import java.util.List;

/** UNSUBSCRIBE (3.10): packet identifier, MQTT 5 properties, then at least one filter. */
final class UnsubscribeDecoder implements PacketDecoder {

    @Override
    public MqttPacket decode(int flags, PacketInput in, CodecContext context) {
        int packetId = in.readTwoByteInteger();
        if (in.failed()) {
            return null;
        }
        if (packetId == 0) {
            return in.malformed("UNSUBSCRIBE with packet identifier 0 [MQTT-2.3.1-1]");
        }
        Properties properties = context.isV5() ? PropertiesDecoder.read(in, PacketType.UNSUBSCRIBE) : Properties.EMPTY;
        List<String> filters = new ArrayList<>(2);
        while (in.hasRemaining()) {
            String filter = in.readUtf8String();
            if (filter == null) {
                return null;
            }
            filters.add(filter);
        }
        if (in.failed()) {
            return null;
        }
        if (filters.isEmpty()) {
            return in.protocolError("UNSUBSCRIBE without topic filters [MQTT-3.10.3-2]");
        }
        return new Unsubscribe(packetId, filters, properties);
    }
}
