package dev.tern.application.protocol.packet;

import java.util.List;

/** UNSUBSCRIBE (3.10): at least one filter [MQTT-3.10.3-2]. */
public record Unsubscribe(int packetId, List<String> filters, Properties properties) implements MqttPacket {
    public Unsubscribe {
        MqttPacket.checkPacketId(packetId);
        filters = List.copyOf(filters);
        if (filters.isEmpty()) {
            throw new IllegalArgumentException("UNSUBSCRIBE needs at least one filter [MQTT-3.10.3-2]");
        }
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.UNSUBSCRIBE;
    }
}
