package dev.tern.domain.delivery;

import java.util.HashSet;
import java.util.Set;

/**
 * Packet ids of inbound QoS 2 PUBLISHes that were received and routed but whose PUBREL has not
 * arrived. A PUBLISH whose id is here is a duplicate: it is acknowledged with PUBREC again and not
 * routed a second time (4.3.3, method B of the 3.1.1 spec).
 *
 * <p>Threading: not thread-safe; owned by the session's executor.
 */
public final class InboundQos2Receipts {

    private final Set<Integer> received = new HashSet<>();

    /** Records the id; true if it is new (route the message), false for a duplicate. */
    public boolean receive(int packetId) {
        return received.add(packetId);
    }

    /** PUBREL arrived: the id may be used for a new message. False if it was unknown. */
    public boolean release(int packetId) {
        return received.remove(packetId);
    }

    public boolean contains(int packetId) {
        return received.contains(packetId);
    }

    public int size() {
        return received.size();
    }

    public void clear() {
        received.clear();
    }
}
