package dev.tern.application.protocol.codec;

import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import java.nio.ByteBuffer;

/** SUBSCRIBE (3.8); only the QoS bits of the options exist before MQTT 5. */
final class SubscribeEncoder implements BodyEncoder<Subscribe> {

    @Override
    public int flags(Subscribe packet) {
        return 0b0010;
    }

    @Override
    public int bodySize(Subscribe s, ProtocolVersion version) {
        int size = 2 + (version.isV5() ? PropertiesEncoder.encodedSize(s.properties()) : 0);
        for (TopicSubscription t : s.subscriptions()) {
            size += Utf8StringEncoder.encodedSize(t.filter()) + 1;
        }
        return size;
    }

    @Override
    public void writeBody(Subscribe s, ProtocolVersion version, ByteBuffer out) {
        out.putShort((short) s.packetId());
        if (version.isV5()) {
            PropertiesEncoder.write(s.properties(), out);
        }
        for (TopicSubscription t : s.subscriptions()) {
            Utf8StringEncoder.write(t.filter(), out);
            out.put((byte) options(t, version));
        }
    }

    private static int options(TopicSubscription t, ProtocolVersion version) {
        int options = t.qos().value();
        if (version.isV5()) {
            options |= (t.noLocal() ? 0b0100 : 0) | (t.retainAsPublished() ? 0b1000 : 0) | t.retainHandling().value() << 4;
        }
        return options;
    }
}
