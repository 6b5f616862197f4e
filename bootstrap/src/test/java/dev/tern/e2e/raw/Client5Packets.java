package dev.tern.e2e.raw;

import java.nio.charset.StandardCharsets;

/** Well-formed MQTT 5 client-to-server packets other than CONNECT, as bytes. */
public final class Client5Packets {

    private static final byte[] NO_PROPERTIES = {0};

    private Client5Packets() {
    }

    public static byte[] publish(String topic, String payload, int qos, int packetId) {
        return publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos, packetId, false,
                PropertiesWriter.properties());
    }

    public static byte[] publish(String topic, byte[] payload, int qos, int packetId, boolean retain,
            PropertiesWriter props) {
        PacketWriter writer = PacketWriter.packet(3, (qos << 1) | (retain ? 1 : 0)).utf8(topic);
        if (qos > 0) {
            writer.u16(packetId);
        }
        return writer.bytes(props.toBytes()).bytes(payload).toBytes();
    }

    /**
     * One SUBSCRIBE with one filter; {@code options} is the whole options byte (3.8.3.1): QoS in
     * bits 0-1, No Local 0x04, Retain As Published 0x08, Retain Handling in bits 4-5.
     */
    public static byte[] subscribe(int packetId, String filter, int options, PropertiesWriter props) {
        return PacketWriter.packet(8, 0b0010).u16(packetId).bytes(props.toBytes())
                .utf8(filter).u8(options).toBytes();
    }

    public static byte[] subscribe(int packetId, String filter, int options) {
        return subscribe(packetId, filter, options, PropertiesWriter.properties());
    }

    public static byte[] unsubscribe(int packetId, String... filters) {
        PacketWriter writer = PacketWriter.packet(10, 0b0010).u16(packetId).bytes(NO_PROPERTIES);
        for (String filter : filters) {
            writer.utf8(filter);
        }
        return writer.toBytes();
    }

    /** PUBACK, PUBREC or PUBCOMP (by {@code type}) with reason 0 and no properties: the short form. */
    public static byte[] ack(int type, int packetId) {
        return PacketWriter.packet(type, type == 6 ? 0b0010 : 0).u16(packetId).toBytes();
    }

    public static byte[] disconnect(int reasonCode, PropertiesWriter props) {
        return PacketWriter.packet(14, 0).u8(reasonCode).bytes(props.toBytes()).toBytes();
    }

    public static byte[] disconnect(int reasonCode) {
        return disconnect(reasonCode, PropertiesWriter.properties());
    }

    public static byte[] auth(int reasonCode, String method, byte[] data) {
        PropertiesWriter props = PropertiesWriter.properties().utf8(0x15, method);
        if (data != null) {
            props.binary(0x16, data);
        }
        return PacketWriter.packet(15, 0).u8(reasonCode).bytes(props.toBytes()).toBytes();
    }
}
