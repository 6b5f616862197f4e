package dev.tern.adapters.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Payload;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PayloadCopiesTest {

    private static final int SIZE = 4096;

    private final ByteBufAllocator allocator = new UnpooledByteBufAllocator(true);
    private final List<ByteBuf> writes = new ArrayList<>();
    private final List<PayloadCopies> made = new ArrayList<>();

    /** The caches' own references too, so that Netty's leak detector reports nothing of the tests' making. */
    @AfterEach
    void releaseWritesAndCopies() {
        writes.stream().filter(write -> write.refCnt() > 0).forEach(ByteBuf::release);
        made.forEach(PayloadCopies::clear);
    }

    private PayloadCopies copies(long budget) {
        PayloadCopies copies = new PayloadCopies(budget);
        made.add(copies);
        return copies;
    }

    @Test
    void deliveriesOfOnePayloadWriteOneDirectCopyOfIt() {
        PayloadCopies copies = copies(PayloadCopies.BUDGET);
        Payload payload = payloadsInDistinctSlots(1).get(0);

        ByteBuf first = write(copies, payload);
        ByteBuf second = write(copies, payload);

        assertThat(first.isDirect()).isTrue();
        assertThat(copyUnder(second)).isSameAs(copyUnder(first));
        assertThat(bytesOf(first)).isEqualTo(payload.toByteArray());
        assertThat(bytesOf(second)).isEqualTo(payload.toByteArray());
        assertThat(copies.held()).isEqualTo(SIZE);
    }

    @Test
    void keepsTheCopiesOfSeveralMessagesWhileOthersAreWrittenInBetween() {
        PayloadCopies copies = copies(PayloadCopies.BUDGET);
        List<Payload> payloads = payloadsInDistinctSlots(3);
        List<ByteBuf> firstRound = payloads.stream().map(payload -> write(copies, payload)).toList();

        for (int i = 0; i < payloads.size(); i++) {
            assertThat(copyUnder(write(copies, payloads.get(i)))).isSameAs(copyUnder(firstRound.get(i)));
        }
        assertThat(copies.held()).isEqualTo(3L * SIZE);
    }

    @Test
    void keepsNoMoreThanItsBudgetAndFreesADroppedCopyOnceItsLastWriteIsSent() {
        PayloadCopies copies = copies(SIZE);
        List<Payload> payloads = payloadsInDistinctSlots(2);
        ByteBuf firstWrite = write(copies, payloads.get(0));

        write(copies, payloads.get(1));

        assertThat(copies.held()).isEqualTo(SIZE);
        assertThat(firstWrite.refCnt()).as("a queued write keeps its dropped copy").isPositive();
        assertThat(bytesOf(firstWrite)).isEqualTo(payloads.get(0).toByteArray());
        firstWrite.release();
        assertThat(copyUnder(firstWrite).refCnt()).isZero();
        assertThat(copyUnder(write(copies, payloads.get(0)))).isNotSameAs(copyUnder(firstWrite));
    }

    @Test
    void copiesAPayloadLargerThanTheBudgetForItsOneWriteWithoutKeepingIt() {
        PayloadCopies copies = copies(SIZE - 1);
        Payload payload = payloadsInDistinctSlots(1).get(0);

        ByteBuf first = write(copies, payload);
        ByteBuf second = write(copies, payload);

        assertThat(copies.held()).isZero();
        assertThat(second).isNotSameAs(first);
        assertThat(bytesOf(second)).isEqualTo(payload.toByteArray());
        first.release();
        assertThat(first.refCnt()).isZero();
    }

    @Test
    void clearingGivesUpEveryCopyWhileQueuedWritesStillHoldTheirs() {
        PayloadCopies copies = copies(PayloadCopies.BUDGET);
        Payload payload = payloadsInDistinctSlots(1).get(0);
        ByteBuf queued = write(copies, payload);

        copies.clear();

        assertThat(copies.held()).isZero();
        assertThat(bytesOf(queued)).isEqualTo(payload.toByteArray());
        queued.release();
        assertThat(copyUnder(queued).refCnt()).isZero();
    }

    private ByteBuf write(PayloadCopies copies, Payload payload) {
        ByteBuf write = copies.forWrite(payload, allocator);
        writes.add(write);
        return write;
    }

    /**
     * The direct copy under a write: below its duplicate, and below the leak detector's wrapper too
     * when Netty happened to sample this allocation (one in 128 by default), which wraps each
     * duplicate in a wrapper of its own.
     */
    private static ByteBuf copyUnder(ByteBuf write) {
        ByteBuf buf = write;
        while (buf.unwrap() != null) {
            buf = buf.unwrap();
        }
        return buf;
    }

    private static byte[] bytesOf(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), bytes);
        return bytes;
    }

    /** Payloads whose identities fall into different slots, so that none replaces another. */
    private static List<Payload> payloadsInDistinctSlots(int count) {
        Set<Integer> slots = new HashSet<>();
        List<Payload> payloads = new ArrayList<>();
        while (payloads.size() < count) {
            byte[] bytes = new byte[SIZE];
            for (int i = 0; i < SIZE; i++) {
                bytes[i] = (byte) (i + payloads.size());
            }
            Payload payload = Payload.wrap(bytes);
            if (slots.add(PayloadCopies.slotOf(payload))) {
                payloads.add(payload);
            }
        }
        return payloads;
    }
}
