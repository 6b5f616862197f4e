package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Puback;
import dev.tern.application.protocol.packet.Pubcomp;
import dev.tern.application.protocol.packet.Pubrec;
import dev.tern.application.protocol.packet.Pubrel;
import java.nio.ByteBuffer;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * PUBACK, PUBREC, PUBREL and PUBCOMP (3.4 to 3.7): packet identifier, then in MQTT 5 the shortest
 * reason-and-properties tail, so a plain success is the 2-byte form every version shares.
 */
final class PublishAckEncoder<T extends MqttPacket> implements BodyEncoder<T> {

    static final PublishAckEncoder<Puback> PUBACK =
            new PublishAckEncoder<>(0, Puback::packetId, Puback::reasonCode, Puback::properties);
    static final PublishAckEncoder<Pubrec> PUBREC =
            new PublishAckEncoder<>(0, Pubrec::packetId, Pubrec::reasonCode, Pubrec::properties);
    /** PUBREL carries the reserved flags 0010 [MQTT-3.6.1-1]. */
    static final PublishAckEncoder<Pubrel> PUBREL =
            new PublishAckEncoder<>(0b0010, Pubrel::packetId, Pubrel::reasonCode, Pubrel::properties);
    static final PublishAckEncoder<Pubcomp> PUBCOMP =
            new PublishAckEncoder<>(0, Pubcomp::packetId, Pubcomp::reasonCode, Pubcomp::properties);

    private final int flags;
    private final ToIntFunction<T> packetId;
    private final ToIntFunction<T> reasonCode;
    private final Function<T, Properties> properties;

    private PublishAckEncoder(int flags, ToIntFunction<T> packetId, ToIntFunction<T> reasonCode,
            Function<T, Properties> properties) {
        this.flags = flags;
        this.packetId = packetId;
        this.reasonCode = reasonCode;
        this.properties = properties;
    }

    @Override
    public int flags(T packet) {
        return flags;
    }

    @Override
    public int bodySize(T packet, ProtocolVersion version) {
        return 2 + (version.isV5()
                ? ReasonAndPropertiesEncoder.size(reasonCode.applyAsInt(packet), properties.apply(packet)) : 0);
    }

    @Override
    public void writeBody(T packet, ProtocolVersion version, ByteBuffer out) {
        out.putShort((short) packetId.applyAsInt(packet));
        if (version.isV5()) {
            ReasonAndPropertiesEncoder.write(reasonCode.applyAsInt(packet), properties.apply(packet), out);
        }
    }
}
