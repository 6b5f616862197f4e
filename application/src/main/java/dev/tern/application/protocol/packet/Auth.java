package dev.tern.application.protocol.packet;

/** AUTH (3.15, MQTT 5 only): enhanced authentication exchange. */
public record Auth(int reasonCode, Properties properties) implements MqttPacket {
    public Auth {
        if (reasonCode < 0 || reasonCode > 0xFF) {
            throw new IllegalArgumentException("reason code must be one byte: " + reasonCode);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.AUTH;
    }
}
