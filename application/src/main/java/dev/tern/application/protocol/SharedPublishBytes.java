package dev.tern.application.protocol;

import dev.tern.application.protocol.codec.PacketEncoder;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import java.nio.ByteBuffer;

/**
 * The small QoS 0 PUBLISHes a thread encoded whole lately, kept so that the other deliveries of the
 * same message on that thread (a fan-out: every subscriber on one event loop gets the same bytes)
 * share its bytes instead of each encoding a header and wrapping the payload again.
 *
 * <p>Only a PUBLISH whose bytes depend on nothing per subscriber is kept: QoS 0 (no packet id),
 * not DUP, no properties (so no subscription identifier, message expiry or topic alias). Its
 * encoding is then a function of the topic, the payload, RETAIN and the protocol version alone,
 * and every delivery of one routed message carries the same topic string and payload object, so
 * they are compared by identity: equal references mean equal bytes.
 *
 * <p>Several messages are kept, in {@value #SLOTS} slots chosen by the payload's identity hash
 * (one message, version and RETAIN per slot, the newest wins): a fan-out to subscribers that
 * cannot all take a message at once delivers it from each one's queue at a different moment,
 * interleaved with the other messages in flight, and a single remembered message would then be
 * encoded again for nearly every delivery. What the slots pin is bounded: {@value #SLOTS} packets of
 * at most {@value #MAX_PAYLOAD} bytes of payload each, per thread.
 *
 * <p>Threading: one table per thread, never shared: an event loop neither waits on another nor
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
    static final int SLOTS = 256;

    private static final ThreadLocal<Entry[]> TABLE = ThreadLocal.withInitial(() -> new Entry[SLOTS]);

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
        Entry[] table = TABLE.get();
        int slot = slotOf(publish, version);
        Entry entry = table[slot];
        if (entry == null) {
            entry = new Entry();
            table[slot] = entry;
        }
        if (entry.topic != publish.topic() || entry.payload != publish.payload() || entry.retain != publish.retain()
                || entry.version != version) {
            entry.encoded = PacketEncoder.encode(publish, version);
            entry.topic = publish.topic();
            entry.payload = publish.payload();
            entry.retain = publish.retain();
            entry.version = version;
        }
        return entry.encoded;
    }

    /** The slot of a shareable PUBLISH: by its payload's identity, its version and RETAIN. */
    static int slotOf(Publish publish, ProtocolVersion version) {
        int hash = System.identityHashCode(publish.payload()) * 31 + version.ordinal() * 2 + (publish.retain() ? 1 : 0);
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
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
