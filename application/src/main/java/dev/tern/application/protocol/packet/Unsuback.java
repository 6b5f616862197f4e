package dev.tern.application.protocol.packet;

import java.util.List;

/** UNSUBACK (3.11): reason codes per filter in MQTT 5; none on the wire in 3.1.1. */
public record Unsuback(int packetId, List<Integer> reasonCodes, Properties properties) implements MqttPacket {
    public Unsuback {
        MqttPacket.checkPacketId(packetId);
        reasonCodes = List.copyOf(reasonCodes);
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBACK;
    }
}
