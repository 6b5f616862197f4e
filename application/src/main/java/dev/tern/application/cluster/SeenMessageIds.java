package dev.tern.application.cluster;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The ids of the forwarded messages received most recently, so that one that comes twice (the
 * backend hands unsettled durable messages out again after a failure) is routed once: QoS 2 stays
 * exactly once. Bounded: the oldest id is forgotten when a new one needs its slot, so memory is
 * {@code capacity} ids whatever the traffic. Each id also remembers whether its message was
 * settled, so that a second copy of a settled message is settled again rather than left behind,
 * and when it was first seen, as a sight number that grows by one per new id ({@link #mark}), so
 * that a departed node's drained message can tell which sessions got its direct copy.
 *
 * <p>Threading: thread-safe and lock-free, for the backend's receiving threads.
 */
public final class SeenMessageIds {

    /** How many ids a node remembers unless told otherwise: minutes of a busy node's forwarded traffic. */
    public static final int DEFAULT_CAPACITY = 65_536;

    /** What {@link #firstSight} says about an id. */
    public enum Sight { NEW, SEEN, SEEN_SETTLED }

    /** By id: its sight number times two, plus one once settled. */
    private final ConcurrentHashMap<String, Long> sightById = new ConcurrentHashMap<>();
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
        Long before = sightById.get(id);
        if (before != null) {
            return (before & 1) == 1 ? Sight.SEEN_SETTLED : Sight.SEEN;
        }
        long sight = next.getAndIncrement();
        before = sightById.putIfAbsent(id, sight << 1);
        if (before != null) {
            // Another thread saw it first; this sight number stays unused.
            return (before & 1) == 1 ? Sight.SEEN_SETTLED : Sight.SEEN;
        }
        int slot = (int) (sight % ring.length());
        String evicted = ring.getAndSet(slot, id);
        if (evicted != null && !evicted.equals(id)) {
            sightById.remove(evicted);
        }
        return Sight.NEW;
    }

    /** The message of {@code id} was settled (if it is still remembered). */
    public void settled(String id) {
        sightById.computeIfPresent(id, (k, v) -> v | 1);
    }

    /** The sight number the next new id gets: every id seen from now on has this number or a higher one. */
    public long mark() {
        return next.get();
    }

    /** The sight number of {@code id}, or -1 when it was not seen (or is forgotten). */
    public long sightOf(String id) {
        Long value = sightById.get(id);
        return value == null ? -1 : value >>> 1;
    }

    public int size() {
        return sightById.size();
    }
}
