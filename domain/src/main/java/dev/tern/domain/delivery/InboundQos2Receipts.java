package dev.tern.domain.delivery;

import java.util.HashSet;
import java.util.Set;

/**
 * Packet ids of inbound QoS 2 PUBLISHes that were received and routed but whose PUBREL has not
 * arrived. A PUBLISH whose id is here is a duplicate: it is acknowledged with PUBREC again and not
 * routed a second time (4.3.3, method B of the 3.1.1 spec).
 *
 * <p>The set is made at the first QoS 2 PUBLISH: most sessions never receive one.
 *
 * <p>Threading: not thread-safe; owned by the session's executor.
 */
public final class InboundQos2Receipts {

    /** The shared empty set until the first receipt. */
    private Set<Integer> received = Set.of();

    /** Records the id; true if it is new (route the message), false for a duplicate. */
    public boolean receive(int packetId) {
        if (!(received instanceof HashSet)) {
            received = new HashSet<>();
        }
        return received.add(packetId);
    }

    /** PUBREL arrived: the id may be used for a new message. False if it was unknown. */
    public boolean release(int packetId) {
        return !received.isEmpty() && received.remove(packetId);
    }

    public boolean contains(int packetId) {
        return received.contains(packetId);
    }

    public int size() {
        return received.size();
    }

    public void clear() {
        received = Set.of();
    }
}
