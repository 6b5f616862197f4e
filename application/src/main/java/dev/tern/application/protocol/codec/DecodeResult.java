package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;

/** What decoding one packet produced: the packet, or why the connection must end. */
public sealed interface DecodeResult {

    record Decoded(MqttPacket packet) implements DecodeResult {
        public Decoded {
            if (packet == null) {
                throw new IllegalArgumentException("packet must not be null");
            }
        }
    }

    /**
     * The input cannot be decoded. {@code reasonCode}: 0x81 malformed, 0x82 protocol error, 0x84
     * unsupported protocol version (CONNECT with unknown name or level), 0x90 topic name invalid,
     * 0x95 packet too large. On 3.x connections the engine maps it to closing the connection.
     */
    record DecodeError(int reasonCode, String reason) implements DecodeResult {
        public DecodeError {
            if (reason == null) {
                throw new IllegalArgumentException("reason must not be null");
            }
        }
    }
}
