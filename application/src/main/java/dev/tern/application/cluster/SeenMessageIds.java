package dev.tern.application.cluster;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The ids of the forwarded messages received most recently, so that one that comes twice (the
 * backend hands unsettled durable messages out again after a failure) is routed once: QoS 2 stays
 * exactly once. Bounded: the oldest id is forgotten when a new one needs its slot, so memory is
 * {@code capacity} ids whatever the traffic. Each id also remembers whether its message was
 * settled, so that a second copy of a settled message is settled again rather than left behind.
 *
 * <p>Threading: thread-safe and lock-free, for the backend's receiving threads.
 */
public final class SeenMessageIds {

    /** How many ids a node remembers unless told otherwise: minutes of a busy node's forwarded traffic. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /** What {@link #firstSight} says about an id. */
    public enum Sight { NEW, SEEN, SEEN_SETTLED }

    private final ConcurrentHashMap<String, Boolean> settledById = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String> ring;
    private final AtomicLong next = new AtomicLong();

    public SeenMessageIds(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.ring = new AtomicReferenceArray<>(capacity);
    }

    /** Remembers {@code id}; says whether it was seen before, and if so whether it was settled. */
    public Sight firstSight(String id) {
        Boolean before = settledById.putIfAbsent(id, Boolean.FALSE);
        if (before != null) {
            return before ? Sight.SEEN_SETTLED : Sight.SEEN;
        }
        int slot = (int) (next.getAndIncrement() % ring.length());
        String evicted = ring.getAndSet(slot, id);
        if (evicted != null) {
            settledById.remove(evicted);
        }
        return Sight.NEW;
    }

    /** The message of {@code id} was settled (if it is still remembered). */
    public void settled(String id) {
        settledById.replace(id, Boolean.FALSE, Boolean.TRUE);
    }

    public int size() {
        return settledById.size();
    }
}
