package dev.tern.application.protocol.packet;

import java.util.List;

/** SUBSCRIBE (3.8): at least one filter [MQTT-3.8.3-3]. */
public record Subscribe(int packetId, List<TopicSubscription> subscriptions, Properties properties)
        implements MqttPacket {
    public Subscribe {
        MqttPacket.checkPacketId(packetId);
        subscriptions = List.copyOf(subscriptions);
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("SUBSCRIBE needs at least one filter [MQTT-3.8.3-3]");
        }
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.SUBSCRIBE;
    }
}
