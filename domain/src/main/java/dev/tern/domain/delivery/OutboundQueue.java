package dev.tern.domain.delivery;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Messages waiting for a session: while it is offline, while its in-flight window is full, or
 * while its connection is not writable. Bounded; what overflows is reported to the caller, which
 * counts and logs it, so that nothing is dropped silently.
 *
 * <p>Threading: not thread-safe; owned by the session's executor.
 */
public final class OutboundQueue {

    private final ArrayDeque<Delivery> deliveries = new ArrayDeque<>(4);
    private final int limit;
    private final OverflowPolicy policy;

    public OutboundQueue(int limit, OverflowPolicy policy) {
        if (limit < 1) {
            throw new IllegalArgumentException("queue limit must be positive: " + limit);
        }
        if (policy == null) {
            throw new IllegalArgumentException("overflow policy must not be null");
        }
        this.limit = limit;
        this.policy = policy;
    }

    /** The result of {@link #offer}: {@code dropped} is the message that did not fit, or null. */
    public record Offer(boolean accepted, Delivery dropped) {
        static final Offer ACCEPTED = new Offer(true, null);
    }

    public Offer offer(Delivery delivery) {
        if (deliveries.size() < limit) {
            deliveries.addLast(delivery);
            return Offer.ACCEPTED;
        }
        if (policy == OverflowPolicy.REFUSE_NEWEST) {
            return new Offer(false, delivery);
        }
        Delivery oldest = deliveries.pollFirst();
        deliveries.addLast(delivery);
        return new Offer(true, oldest);
    }

    /** Puts deliveries back at the head, in order, ahead of what is queued (no limit applies). */
    public void requeueFirst(List<Delivery> ordered) {
        for (int i = ordered.size() - 1; i >= 0; i--) {
            deliveries.addFirst(ordered.get(i));
        }
    }

    public Delivery peek() {
        return deliveries.peekFirst();
    }

    public Delivery poll() {
        return deliveries.pollFirst();
    }

    public int size() {
        return deliveries.size();
    }

    public boolean isEmpty() {
        return deliveries.isEmpty();
    }

    public void clear() {
        deliveries.clear();
    }
}
