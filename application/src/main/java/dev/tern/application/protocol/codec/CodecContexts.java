package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.ProtocolVersion;

/**
 * The decoding contexts of one broker, made once for its maximum packet size: the one before a
 * CONNECT and one per protocol version. Every connection's {@link PacketReader} points at these
 * instead of holding a context of its own (an idle connection keeps its reader for life).
 *
 * <p>Threading: immutable, shared by every connection.
 */
public final class CodecContexts {

    private final CodecContext beforeConnect;
    private final CodecContext[] byVersion;

    public CodecContexts(int maxPacketSize) {
        this.beforeConnect = new CodecContext(null, maxPacketSize);
        ProtocolVersion[] versions = ProtocolVersion.values();
        this.byVersion = new CodecContext[versions.length];
        for (ProtocolVersion version : versions) {
            byVersion[version.ordinal()] = beforeConnect.withVersion(version);
        }
    }

    CodecContext beforeConnect() {
        return beforeConnect;
    }

    CodecContext of(ProtocolVersion version) {
        return byVersion[version.ordinal()];
    }
}
