package dev.tern.domain.delivery;

import java.util.HashSet;
import java.util.Set;

/**
 * Packet identifiers of one session's outbound flows: 1..65535, never handed out again while in
 * use [MQTT-2.3.1-2]. Allocation continues after the last id handed out, so a freed id is not
 * reused at once and late acknowledgements for it cannot be mistaken for a new flow.
 *
 * <p>A hash set rather than a 65,536-bit set: an idle session then costs a few bytes, not 8 KiB;
 * and the set is made only when the first id is taken, so a session that never sends at QoS 1 or 2
 * costs none at all.
 *
 * <p>Threading: not thread-safe; owned by the session's executor.
 */
public final class PacketIdPool {

    private static final int MAX_ID = 0xFFFF;

    /** The shared empty set until the first id is taken. */
    private Set<Integer> inUse = Set.of();
    private int last;
    private int used;

    /** The next free id, or 0 when all 65,535 are in use. */
    public int allocate() {
        if (used == MAX_ID) {
            return 0;
        }
        int candidate = last;
        do {
            candidate = candidate == MAX_ID ? 1 : candidate + 1;
        } while (inUse.contains(candidate));
        writable().add(candidate);
        last = candidate;
        used++;
        return candidate;
    }

    /** Marks an id as taken, when state is restored; false if it already was. */
    public boolean reserve(int packetId) {
        checkRange(packetId);
        if (!writable().add(packetId)) {
            return false;
        }
        used++;
        last = Math.max(last, packetId);
        return true;
    }

    public void release(int packetId) {
        checkRange(packetId);
        if (!inUse.isEmpty() && inUse.remove(packetId)) {
            used--;
        }
    }

    public boolean isInUse(int packetId) {
        return packetId >= 1 && packetId <= MAX_ID && inUse.contains(packetId);
    }

    public int inUseCount() {
        return used;
    }

    private Set<Integer> writable() {
        if (!(inUse instanceof HashSet)) {
            inUse = new HashSet<>();
        }
        return inUse;
    }

    private static void checkRange(int packetId) {
        if (packetId < 1 || packetId > MAX_ID) {
            throw new IllegalArgumentException("packet identifier must be 1..65535: " + packetId);
        }
    }
}
