package dev.tern.application.protocol.packet;

import java.util.Arrays;

/**
 * CONNECT (3.1). {@code cleanStart} is Clean Session in 3.1.1. {@code will}, {@code username}
 * and {@code password} are null when absent.
 */
public record Connect(
        ProtocolVersion version,
        boolean cleanStart,
        int keepAliveSeconds,
        String clientId,
        WillFields will,
        String username,
        byte[] password,
        Properties properties) implements MqttPacket {

    public Connect {
        if (version == null || clientId == null) {
            throw new IllegalArgumentException("version and client id must not be null");
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 0xFFFF) {
            throw new IllegalArgumentException("keep alive must be 0..65535: " + keepAliveSeconds);
        }
        properties = MqttPacket.orEmpty(properties);
    }

    @Override
    public PacketType type() {
        return PacketType.CONNECT;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Connect c && c.version == version && c.cleanStart == cleanStart
                && c.keepAliveSeconds == keepAliveSeconds && c.clientId.equals(clientId)
                && java.util.Objects.equals(c.will, will) && java.util.Objects.equals(c.username, username)
                && Arrays.equals(c.password, password) && c.properties.equals(properties);
    }

    @Override
    public int hashCode() {
        return clientId.hashCode();
    }

    @Override
    public String toString() {
        return "Connect[version=" + version + ", cleanStart=" + cleanStart + ", keepAlive=" + keepAliveSeconds
                + ", clientId=" + clientId + ", will=" + (will != null) + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", properties=" + properties + "]";
    }
}
