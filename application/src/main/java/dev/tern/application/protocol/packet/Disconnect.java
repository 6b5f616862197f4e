package dev.tern.application.protocol.packet;

/** DISCONNECT (3.14): reason code and properties exist only in MQTT 5. */
public record Disconnect(int reasonCode, Properties properties) implements MqttPacket {
    public static final Disconnect NORMAL = new Disconnect(ReasonCode.NORMAL_DISCONNECTION, Properties.EMPTY);

    public Disconnect {
        if (reasonCode < 0 || reasonCode > 0xFF) {
            throw new IllegalArgumentException("reason code must be one byte: " + reasonCode);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.DISCONNECT;
    }
}
