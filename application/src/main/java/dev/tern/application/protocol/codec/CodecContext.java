package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.ProtocolVersion;

/**
 * Immutable decoding settings of one connection.
 *
 * @param version       the version the CONNECT named, or null before a CONNECT was decoded
 * @param maxPacketSize the largest whole packet (fixed header included) the broker accepts
 */
public record CodecContext(ProtocolVersion version, int maxPacketSize) {

    public CodecContext {
        if (maxPacketSize < 2) {
            throw new IllegalArgumentException("maximum packet size must be at least 2: " + maxPacketSize);
        }
    }

    /** Before a CONNECT was decoded, packets are read by MQTT 3.1.1 rules: only CONNECT may come first. */
    public boolean isV5() {
        return version != null && version.isV5();
    }

    public CodecContext withVersion(ProtocolVersion newVersion) {
        return new CodecContext(newVersion, maxPacketSize);
    }
}
