package dev.tern.e2e.raw;

import java.nio.charset.StandardCharsets;

/**
 * A CONNECT packet under construction, valid 3.1.1 by default; every field can be bent to build
 * the malformed and refused variants the conformance tests need.
 *
 * <p>Threading: not thread-safe.
 */
public final class ConnectPacket {

    private String protocolName = "MQTT";
    private int protocolLevel = 4;
    private boolean cleanSession = true;
    private int keepAliveSeconds = 60;
    private String clientId;
    private String willTopic;
    private byte[] willPayload;
    private int willQos;
    private boolean willRetain;
    /** Connect-flag bits OR-ed in as they are, to set bits the fields above would never set. */
    private int extraFlags;

    private ConnectPacket(String clientId) {
        this.clientId = clientId;
    }

    /** MQTT 3.1.1: protocol name {@code MQTT}, level 4, clean session, keep alive 60 s. */
    public static ConnectPacket v311(String clientId) {
        return new ConnectPacket(clientId);
    }

    /** MQTT 3.1: protocol name {@code MQIsdp}, level 3. */
    public static ConnectPacket v31(String clientId) {
        return new ConnectPacket(clientId).protocol("MQIsdp", 3);
    }

    public ConnectPacket protocol(String name, int level) {
        this.protocolName = name;
        this.protocolLevel = level;
        return this;
    }

    public ConnectPacket cleanSession(boolean clean) {
        this.cleanSession = clean;
        return this;
    }

    public ConnectPacket keepAlive(int seconds) {
        this.keepAliveSeconds = seconds;
        return this;
    }

    public ConnectPacket will(String topic, String payload, int qos, boolean retain) {
        this.willTopic = topic;
        this.willPayload = payload.getBytes(StandardCharsets.UTF_8);
        this.willQos = qos;
        this.willRetain = retain;
        return this;
    }

    /** Sets connect-flag bits verbatim, e.g. 0x01 (reserved) or 0x08 (will QoS 1 without a will). */
    public ConnectPacket rawFlags(int bits) {
        this.extraFlags |= bits;
        return this;
    }

    public byte[] toBytes() {
        int flags = extraFlags;
        if (cleanSession) {
            flags |= 0x02;
        }
        if (willTopic != null) {
            flags |= 0x04 | (willQos << 3) | (willRetain ? 0x20 : 0);
        }
        PacketWriter writer = PacketWriter.packet(1, 0)
                .utf8(protocolName)
                .u8(protocolLevel)
                .u8(flags)
                .u16(keepAliveSeconds)
                .utf8(clientId);
        if (willTopic != null) {
            writer.utf8(willTopic).lengthPrefixed(willPayload);
        }
        return writer.toBytes();
    }
}
