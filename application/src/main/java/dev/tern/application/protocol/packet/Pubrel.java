package dev.tern.application.protocol.packet;

/** PUBREL (3.6): {@code reasonCode} is {@link ReasonCode#SUCCESS} on 3.x connections. */
public record Pubrel(int packetId, int reasonCode, Properties properties) implements MqttPacket {
    public Pubrel {
        MqttPacket.checkPacketId(packetId);
        if (reasonCode < 0 || reasonCode > 0xFF) {
            throw new IllegalArgumentException("reason code must be one byte: " + reasonCode);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    public static Pubrel of(int packetId) {
        return new Pubrel(packetId, ReasonCode.SUCCESS, Properties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBREL;
    }
}
