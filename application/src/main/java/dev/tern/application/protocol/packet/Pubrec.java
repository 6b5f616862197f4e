package dev.tern.application.protocol.packet;

/** PUBREC (3.5): {@code reasonCode} is {@link ReasonCode#SUCCESS} on 3.x connections. */
public record Pubrec(int packetId, int reasonCode, Properties properties) implements MqttPacket {
    public Pubrec {
        MqttPacket.checkPacketId(packetId);
        if (reasonCode < 0 || reasonCode > 0xFF) {
            throw new IllegalArgumentException("reason code must be one byte: " + reasonCode);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    public static Pubrec of(int packetId) {
        return new Pubrec(packetId, ReasonCode.SUCCESS, Properties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBREC;
    }
}
