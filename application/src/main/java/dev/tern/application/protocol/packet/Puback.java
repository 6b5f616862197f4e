package dev.tern.application.protocol.packet;

/** PUBACK (3.4): {@code reasonCode} is {@link ReasonCode#SUCCESS} on 3.x connections. */
public record Puback(int packetId, int reasonCode, Properties properties) implements MqttPacket {
    public Puback {
        MqttPacket.checkPacketId(packetId);
        if (reasonCode < 0 || reasonCode > 0xFF) {
            throw new IllegalArgumentException("reason code must be one byte: " + reasonCode);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    public static Puback of(int packetId) {
        return new Puback(packetId, ReasonCode.SUCCESS, Properties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBACK;
    }
}
