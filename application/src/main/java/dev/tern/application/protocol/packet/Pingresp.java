package dev.tern.application.protocol.packet;

/** PINGRESP (3.13): no variable header, no payload. */
public record Pingresp() implements MqttPacket {
    public static final Pingresp INSTANCE = new Pingresp();

    @Override
    public PacketType type() {
        return PacketType.PINGRESP;
    }
}
