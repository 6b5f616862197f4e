package dev.tern.adapters.tcp;

import dev.tern.domain.message.Payload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.concurrent.FastThreadLocal;

/**
 * The direct-memory copies of the large payloads an event loop sent lately, so that every
 * delivery of one message on that loop sends the same copy.
 *
 * <p>Why: a native socket writes from off-heap memory, so Netty copies a heap buffer into a direct
 * one for each write. A payload is one heap array shared by every subscriber, but that copy was
 * made per delivery: ten subscribers of a 64 KiB message cost ten 64 KiB copies
 * (docs/benchmarks.md, "Large payloads"). Here the first delivery on a loop copies the payload, and
 * the others write a {@link ByteBuf#retainedDuplicate() retained duplicate} of that copy, which Netty
 * sends as it is.
 *
 * <p>Deliveries of one message do not all happen at once: a subscriber that cannot take more
 * (its channel above the high-water mark) gets the message later from its queue, interleaved with
 * other messages. So several messages are kept, in {@value #SLOTS} slots chosen by the payload's
 * identity (the newest wins its slot), and what the slots hold is bounded by {@value #BUDGET}
 * bytes per loop: past it the other entries are dropped, and a payload larger than the whole
 * budget is copied for its one write and not kept. Dropping an entry only gives up the cache's
 * reference; a write still queued keeps its duplicate, and the memory returns to the pool once the
 * last of them has been sent.
 *
 * <p>Threading: one instance per event loop thread, used only on it.
 */
final class PayloadCopies {

    static final int SLOTS = 32;
    static final long BUDGET = 8L * 1024 * 1024;

    private static final FastThreadLocal<PayloadCopies> LOOP_COPIES = new FastThreadLocal<>() {
        @Override
        protected PayloadCopies initialValue() {
            return new PayloadCopies(BUDGET);
        }

        /** The loop has ended (Netty removes its thread's locals then): nothing will write these any more. */
        @Override
        protected void onRemoval(PayloadCopies copies) {
            copies.clear();
        }
    };

    private final long budget;
    private final Payload[] payloads = new Payload[SLOTS];
    private final ByteBuf[] copies = new ByteBuf[SLOTS];
    private long held;

    PayloadCopies(long budget) {
        this.budget = budget;
    }

    /** The calling event loop's copies. */
    static PayloadCopies ofThisLoop() {
        return LOOP_COPIES.get();
    }

    /**
     * A buffer holding {@code payload}'s bytes for one write; the caller hands it to the channel,
     * which releases it once sent.
     */
    ByteBuf forWrite(Payload payload, ByteBufAllocator allocator) {
        int slot = slotOf(payload);
        if (payloads[slot] == payload) {
            return copies[slot].retainedDuplicate();
        }
        ByteBuf copy = allocator.directBuffer(payload.size(), payload.size());
        copy.writeBytes(payload.asReadOnlyBuffer());
        if (payload.size() > budget) {
            return copy;
        }
        drop(slot);
        for (int other = 0; held + payload.size() > budget && other < SLOTS; other++) {
            drop(other);
        }
        payloads[slot] = payload;
        copies[slot] = copy;
        held += payload.size();
        return copy.retainedDuplicate();
    }

    /** Bytes the kept copies hold. */
    long held() {
        return held;
    }

    /** Gives up every kept copy (each is freed once no queued write holds it). */
    void clear() {
        for (int slot = 0; slot < SLOTS; slot++) {
            drop(slot);
        }
    }

    private void drop(int slot) {
        ByteBuf copy = copies[slot];
        if (copy != null) {
            held -= payloads[slot].size();
            copy.release();
            copies[slot] = null;
            payloads[slot] = null;
        }
    }

    static int slotOf(Payload payload) {
        int hash = System.identityHashCode(payload);
        return (hash ^ (hash >>> 16)) & (SLOTS - 1);
    }
}
