package dev.tern.application.protocol;

import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.ByteBuffer;

/**
 * The last small QoS 0 PUBLISH a thread encoded whole, kept so that the next deliveries of the
 * same message on that thread (a fan-out: every subscriber on one event loop gets the same bytes)
 * share its bytes instead of each encoding a header and wrapping the payload again.
 *
 * <p>Only a PUBLISH whose bytes depend on nothing per subscriber is kept: QoS 0 (no packet id),
 * not DUP, no properties (so no subscription identifier, message expiry or topic alias). Its
 * encoding is then a function of the topic, the payload, RETAIN and the protocol version alone,
 * and every delivery of one routed message carries the same topic string and payload object, so
 * they are compared by identity: equal references mean equal bytes.
 *
 * <p>Threading: one entry per thread, never shared: an event loop neither waits on another nor
 * writes a cache line another one reads. Every caller gets the same buffer and hands it to {@code
 * ClientChannel.writeShared}, whose contract is that the transport moves neither its position nor
 * its limit (it copies the bytes or keeps a duplicate); the bytes themselves are never written
 * after encoding.
 */
final class SharedPublishBytes {

    /**
     * Larger payloads are not copied into a whole-packet buffer: they go out as header plus the
     * shared payload, which the transport does not copy either.
     */
    static final int MAX_PAYLOAD = 1024;

    private static final ThreadLocal<Entry> LAST = ThreadLocal.withInitial(Entry::new);

    private SharedPublishBytes() {
    }

    /**
     * The whole packet, the same buffer for every identical delivery on this thread (so it goes to
     * {@code ClientChannel.writeShared}, which moves no position); null if {@code publish} is not
     * shareable.
     */
    static ByteBuffer wholeOrNull(Publish publish, ProtocolVersion version) {
        if (publish.qos() != Qos.AT_MOST_ONCE || publish.dup() || !publish.properties().isEmpty()
                || publish.payload().size() > MAX_PAYLOAD) {
            return null;
        }
        Entry last = LAST.get();
        if (last.topic != publish.topic() || last.payload != publish.payload() || last.retain != publish.retain()
                || last.version != version) {
            last.encoded = PacketEncoder.encode(publish, version);
            last.topic = publish.topic();
            last.payload = publish.payload();
            last.retain = publish.retain();
            last.version = version;
        }
        return last.encoded;
    }

    /** Mutable, confined to its thread. */
    private static final class Entry {
        private String topic;
        private Payload payload;
        private boolean retain;
        private ProtocolVersion version;
        private ByteBuffer encoded;
    }
}
