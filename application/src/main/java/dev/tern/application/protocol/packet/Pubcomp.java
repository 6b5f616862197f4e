package dev.tern.application.protocol.packet;

/** PUBCOMP (3.7): {@code reasonCode} is {@link ReasonCode#SUCCESS} on 3.x connections. */
public record Pubcomp(int packetId, int reasonCode, Properties properties) implements MqttPacket {
    public Pubcomp {
        MqttPacket.checkPacketId(packetId);
        if (reasonCode < 0 || reasonCode > 0xFF) {
            throw new IllegalArgumentException("reason code must be one byte: " + reasonCode);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    public static Pubcomp of(int packetId) {
        return new Pubcomp(packetId, ReasonCode.SUCCESS, Properties.EMPTY);
    }

    @Override
    public PacketType type() {
        return PacketType.PUBCOMP;
    }
}
