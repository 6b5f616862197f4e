package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.codec.DecodeResult.DecodeError;
import dev.tern.application.protocol.packet.PacketType;
import dev.tern.application.protocol.packet.ReasonCode;

/**
 * Checks the first byte of a fixed header (2.1 / 2.2): packet type and flags. Runs before the body
 * is buffered, so a bad packet costs nothing more than its first bytes.
 */
final class FixedHeaderRules {

    /** PUBREL, SUBSCRIBE and UNSUBSCRIBE carry 0b0010; all others but PUBLISH 0 [MQTT-2.2.2-1]. */
    private static final int REQUIRED_FLAGS = 0b0010;

    private FixedHeaderRules() {
    }

    /** The reason the header is unacceptable, or null. */
    static DecodeError check(int firstByte, CodecContext context) {
        PacketType type = PacketType.of(firstByte >>> 4);
        int flags = firstByte & 0x0F;
        if (type == null) {
            return malformed("reserved packet type 0");
        }
        switch (type) {
            case PUBLISH:
                return checkPublishFlags(flags);
            case PUBREL:
            case SUBSCRIBE:
            case UNSUBSCRIBE:
                return flags == REQUIRED_FLAGS ? null
                        : malformed(type + " fixed header flags must be 0010 [MQTT-2.2.2-1] [MQTT-2.2.2-2]");
            case AUTH:
                if (!context.isV5()) {
                    return malformed("AUTH exists only in MQTT 5");
                }
                return flags == 0 ? null : malformed("AUTH fixed header flags must be 0 [MQTT-2.2.2-2]");
            default:
                return flags == 0 ? null
                        : malformed(type + " fixed header flags must be 0 [MQTT-2.2.2-1] [MQTT-2.2.2-2]");
        }
    }

    private static DecodeError checkPublishFlags(int flags) {
        int qos = (flags >>> 1) & 0b11;
        if (qos == 3) {
            return malformed("PUBLISH with QoS 3 [MQTT-3.3.1-4]");
        }
        boolean dup = (flags & 0b1000) != 0;
        if (qos == 0 && dup) {
            return malformed("QoS 0 PUBLISH with DUP set [MQTT-3.3.1-2]");
        }
        return null;
    }

    private static DecodeError malformed(String reason) {
        return new DecodeError(ReasonCode.MALFORMED_PACKET, reason);
    }
}
