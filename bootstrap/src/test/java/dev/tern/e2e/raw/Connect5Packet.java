package dev.tern.e2e.raw;

import java.nio.charset.StandardCharsets;

/**
 * An MQTT 5 CONNECT (3.1) under construction: level 5, clean start, keep alive 60 s and no
 * properties unless told otherwise.
 *
 * <p>Threading: not thread-safe.
 */
public final class Connect5Packet {

    private final String clientId;
    private boolean cleanStart = true;
    private int keepAliveSeconds = 60;
    private PropertiesWriter properties = PropertiesWriter.properties();
    private String willTopic;
    private byte[] willPayload;
    private int willQos;
    private PropertiesWriter willProperties = PropertiesWriter.properties();
    private String username;

    private Connect5Packet(String clientId) {
        this.clientId = clientId;
    }

    public static Connect5Packet v5(String clientId) {
        return new Connect5Packet(clientId);
    }

    public Connect5Packet cleanStart(boolean clean) {
        this.cleanStart = clean;
        return this;
    }

    public Connect5Packet keepAlive(int seconds) {
        this.keepAliveSeconds = seconds;
        return this;
    }

    public Connect5Packet properties(PropertiesWriter props) {
        this.properties = props;
        return this;
    }

    /** Session Expiry Interval (0x11). */
    public Connect5Packet sessionExpiry(long seconds) {
        properties.fourByte(0x11, seconds);
        return this;
    }

    public Connect5Packet will(String topic, String payload, int qos, PropertiesWriter props) {
        this.willTopic = topic;
        this.willPayload = payload.getBytes(StandardCharsets.UTF_8);
        this.willQos = qos;
        this.willProperties = props;
        return this;
    }

    public Connect5Packet username(String name) {
        this.username = name;
        return this;
    }

    public byte[] toBytes() {
        int flags = cleanStart ? 0x02 : 0;
        if (willTopic != null) {
            flags |= 0x04 | (willQos << 3);
        }
        if (username != null) {
            flags |= 0x80;
        }
        PacketWriter writer = PacketWriter.packet(1, 0)
                .utf8("MQTT").u8(5).u8(flags).u16(keepAliveSeconds)
                .bytes(properties.toBytes())
                .utf8(clientId);
        if (willTopic != null) {
            writer.bytes(willProperties.toBytes()).utf8(willTopic).lengthPrefixed(willPayload);
        }
        if (username != null) {
            writer.utf8(username);
        }
        return writer.toBytes();
    }
}
