package dev.tern.application.protocol.packet;

/** CONNACK (3.2). {@code reasonCode} is the 3.1.1 return code on 3.x connections. */
public record Connack(boolean sessionPresent, int reasonCode, Properties properties) implements MqttPacket {
    public Connack {
        if (reasonCode < 0 || reasonCode > 0xFF) {
            throw new IllegalArgumentException("reason code must be one byte: " + reasonCode);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.CONNACK;
    }
}
