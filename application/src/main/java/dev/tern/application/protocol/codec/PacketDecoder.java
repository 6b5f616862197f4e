package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;

/**
 * Decodes the body of one packet type. Implementations are stateless and shared.
 */
interface PacketDecoder {

    /**
     * @param flags   the low nibble of the fixed header, already checked by {@link FixedHeaderRules}
     * @param in      the body, exactly Remaining Length bytes
     * @param context the connection's version and limits
     * @return the packet, or null after recording the reason in {@code in}
     */
    MqttPacket decode(int flags, PacketInput in, CodecContext context);
}
