package dev.tern.domain.delivery;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Messages waiting for a session: while it is offline, while its in-flight window is full, or
 * while its connection is not writable. Bounded by a message count and by bytes ({@link
 * Delivery#sizeInBytes()}); what overflows is reported to the caller, which counts and logs it, so
 * that nothing is dropped silently. Both bounds apply the same overflow policy; one message larger
 * than the byte bound on its own is refused under either policy, since no drop could make it fit.
 *
 * <p>Threading: not thread-safe; owned by the session's executor.
 */
public final class OutboundQueue {

    /** No byte bound. */
    public static final long UNBOUNDED_BYTES = Long.MAX_VALUE;

    /** Null until the first message is queued: most sessions of idle clients never queue one. */
    private ArrayDeque<Delivery> deliveries;
    private final int limit;
    private final long maxBytes;
    private final OverflowPolicy policy;
    private long bytes;

    public OutboundQueue(int limit, OverflowPolicy policy) {
        this(limit, UNBOUNDED_BYTES, policy);
    }

    public OutboundQueue(int limit, long maxBytes, OverflowPolicy policy) {
        requireBounds(limit, maxBytes, policy);
        this.limit = limit;
        this.maxBytes = maxBytes;
        this.policy = policy;
    }

    /** Throws unless a queue may have these bounds: a positive count and byte limit, and a policy. */
    public static void requireBounds(int limit, long maxBytes, OverflowPolicy policy) {
        if (limit < 1) {
            throw new IllegalArgumentException("queue limit must be positive: " + limit);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("queue byte limit must be positive: " + maxBytes);
        }
        if (policy == null) {
            throw new IllegalArgumentException("overflow policy must not be null");
        }
    }

    /**
     * The result of {@link #offer}: {@code dropped} is the message that did not fit, or null, and
     * {@code onBytes} whether the byte bound made it drop (the message count had room). Under
     * drop-oldest a large message may need more room than one drop gives: {@link #trimOldest()}
     * hands out the further ones, all dropped for bytes.
     */
    public record Offer(boolean accepted, Delivery dropped, boolean onBytes) {
        static final Offer ACCEPTED = new Offer(true, null, false);
    }

    public Offer offer(Delivery delivery) {
        long size = delivery.sizeInBytes();
        if (size() < limit && bytes + size <= maxBytes) {
            add(delivery, size);
            return Offer.ACCEPTED;
        }
        boolean onBytes = size() < limit;
        if (policy == OverflowPolicy.REFUSE_NEWEST || size > maxBytes) {
            return new Offer(false, delivery, onBytes);
        }
        Delivery oldest = poll();
        add(delivery, size);
        return new Offer(true, oldest, onBytes);
    }

    /**
     * After an accepted offer: the oldest message, removed, while the queue is above its byte bound;
     * null once it is within. Never removes the last message, which the offer admitted.
     */
    public Delivery trimOldest() {
        return bytes > maxBytes && size() > 1 ? poll() : null;
    }

    /** Puts deliveries back at the head, in order, ahead of what is queued (no limit applies). */
    public void requeueFirst(List<Delivery> ordered) {
        for (int i = ordered.size() - 1; i >= 0; i--) {
            Delivery delivery = ordered.get(i);
            writable().addFirst(delivery);
            bytes += delivery.sizeInBytes();
        }
    }

    public Delivery peek() {
        return deliveries == null ? null : deliveries.peekFirst();
    }

    public Delivery poll() {
        Delivery first = deliveries == null ? null : deliveries.pollFirst();
        if (first != null) {
            bytes -= first.sizeInBytes();
        }
        return first;
    }

    public int size() {
        return deliveries == null ? 0 : deliveries.size();
    }

    /** The bytes queued, as the byte bound counts them. */
    public long bytes() {
        return bytes;
    }

    public boolean isEmpty() {
        return deliveries == null || deliveries.isEmpty();
    }

    public void clear() {
        deliveries = null;
        bytes = 0;
    }

    private void add(Delivery delivery, long size) {
        writable().addLast(delivery);
        bytes += size;
    }

    private ArrayDeque<Delivery> writable() {
        if (deliveries == null) {
            deliveries = new ArrayDeque<>(4);
        }
        return deliveries;
    }
}
