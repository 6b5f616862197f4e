package dev.tern.application.protocol.packet;

import java.util.List;

/** SUBACK (3.9): one reason code per filter, in the order of the SUBSCRIBE [MQTT-3.8.4-6]. */
public record Suback(int packetId, List<Integer> reasonCodes, Properties properties) implements MqttPacket {
    public Suback {
        MqttPacket.checkPacketId(packetId);
        reasonCodes = List.copyOf(reasonCodes);
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.SUBACK;
    }
}
