package dev.tern.application.admission;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per source address, for {@code limits.connections.max-per-address}. An address
 * is in the map only while it has connections: the entry goes when its last one closes, so the map
 * never holds more entries than there are open connections.
 *
 * <p>Threading: thread-safe; each update is atomic for its address ({@link
 * ConcurrentHashMap#compute}).
 */
final class AddressCounts {

    private final int max;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    /** @param max connections per address; 0 = no limit, and then nothing is counted */
    AddressCounts(int max) {
        this.max = max;
    }

    boolean limited() {
        return max > 0;
    }

    int max() {
        return max;
    }

    /** Takes a place for {@code address}; false when it already holds {@code max} connections. */
    boolean tryTake(InetAddress address) {
        boolean[] taken = {false};
        open.compute(address, (key, count) -> {
            int now = count == null ? 0 : count;
            if (now >= max) {
                return count;
            }
            taken[0] = true;
            return now + 1;
        });
        return taken[0];
    }

    void release(InetAddress address) {
        open.computeIfPresent(address, (key, count) -> count == 1 ? null : count - 1);
    }

    /** Addresses with open connections: for tests. */
    int addresses() {
        return open.size();
    }
}
