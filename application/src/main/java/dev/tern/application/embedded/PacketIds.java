package dev.tern.application.embedded;

import java.util.HashSet;
import java.util.Set;

/**
 * The packet identifiers an in-process client has in use (PUBLISH, SUBSCRIBE, UNSUBSCRIBE), shared
 * so that no two requests awaiting an answer carry the same one [MQTT-2.2.1-3].
 *
 * <p>Threading: confined to the client's connection thread.
 */
final class PacketIds {

    private static final int MAX = 0xFFFF;

    private final Set<Integer> inUse = new HashSet<>();
    private int last;

    /** A free identifier; callers keep fewer than 65535 in use (the broker's Receive Maximum at most). */
    int take() {
        if (inUse.size() >= MAX) {
            throw new IllegalStateException("all packet identifiers in use");
        }
        do {
            last = last == MAX ? 1 : last + 1;
        } while (!inUse.add(last));
        return last;
    }

    void release(int packetId) {
        inUse.remove(packetId);
    }
}
