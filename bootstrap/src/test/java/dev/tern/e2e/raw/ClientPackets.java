package dev.tern.e2e.raw;

import java.nio.charset.StandardCharsets;

/** Well-formed client-to-server packets other than CONNECT, as bytes. */
public final class ClientPackets {

    private ClientPackets() {
    }

    /** One SUBSCRIBE; {@code filtersAndQos} alternates filter and requested QoS. */
    public static byte[] subscribe(int packetId, Object... filtersAndQos) {
        PacketWriter writer = PacketWriter.packet(8, 0b0010).u16(packetId);
        for (int i = 0; i < filtersAndQos.length; i += 2) {
            writer.utf8((String) filtersAndQos[i]).u8((Integer) filtersAndQos[i + 1]);
        }
        return writer.toBytes();
    }

    public static byte[] unsubscribe(int packetId, String... filters) {
        PacketWriter writer = PacketWriter.packet(10, 0b0010).u16(packetId);
        for (String filter : filters) {
            writer.utf8(filter);
        }
        return writer.toBytes();
    }

    public static byte[] publish(String topic, String payload, int qos, int packetId) {
        return publish(topic, payload, qos, packetId, false, false);
    }

    public static byte[] publish(String topic, String payload, int qos, int packetId, boolean dup, boolean retain) {
        int flags = (dup ? 0x08 : 0) | (qos << 1) | (retain ? 0x01 : 0);
        PacketWriter writer = PacketWriter.packet(3, flags).utf8(topic);
        if (qos > 0) {
            writer.u16(packetId);
        }
        return writer.bytes(payload.getBytes(StandardCharsets.UTF_8)).toBytes();
    }

    public static byte[] puback(int packetId) {
        return PacketWriter.packet(4, 0).u16(packetId).toBytes();
    }

    public static byte[] pubrec(int packetId) {
        return PacketWriter.packet(5, 0).u16(packetId).toBytes();
    }

    public static byte[] pubrel(int packetId) {
        return PacketWriter.packet(6, 0b0010).u16(packetId).toBytes();
    }

    public static byte[] pubcomp(int packetId) {
        return PacketWriter.packet(7, 0).u16(packetId).toBytes();
    }

    public static byte[] pingreq() {
        return new byte[] {(byte) 0xC0, 0x00};
    }

    public static byte[] disconnect() {
        return new byte[] {(byte) 0xE0, 0x00};
    }
}
