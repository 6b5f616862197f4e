package dev.tern.application.port.out;

import dev.tern.domain.delivery.OutboundFlow;
import java.util.List;
import java.util.Set;

/**
 * The outbound flows awaiting acknowledgement and the inbound QoS 2 receipts of persistent
 * sessions. Each method is one atomic unit.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface InflightStore {

    /**
     * Inserts a flow, or replaces the flow with the same packet id while keeping its place in the
     * resend order (a QoS 2 flow moving from awaiting PUBREC to awaiting PUBCOMP).
     */
    void save(String clientId, OutboundFlow flow);

    void remove(String clientId, int packetId);

    /** The session's flows in the order first saved, which is the resend order [MQTT-4.4.0-1]. */
    List<OutboundFlow> load(String clientId);

    void saveReceipt(String clientId, int packetId);

    void removeReceipt(String clientId, int packetId);

    Set<Integer> loadReceipts(String clientId);

    /**
     * How many forward receipts a store keeps per session at least: the most recent ones. A receipt
     * matters only while its forwarded message may still come again (it was committed here but not
     * yet settled when its node crashed), which is a round trip's worth of a session's traffic.
     */
    int FORWARD_RECEIPTS_KEPT = 1_000;

    /**
     * Cluster only: the session took its copy of the forwarded message {@code forwardId} (the
     * cluster-wide id of {@code port.cluster.ForwardedMessage#id}). Called in the same write as the
     * {@link MessageQueueStore#append} or {@link #save} of that copy, so that
     * a store whose writes of one client in one transaction are atomic keeps the receipt if and
     * only if it keeps the copy; fenced like every write of the client. Keeps the last {@link
     * #FORWARD_RECEIPTS_KEPT} receipts (at least), dropping older ones. A store that cannot carry a
     * cluster need not keep them: the default keeps nothing.
     */
    default void saveForwardReceipt(String clientId, String forwardId) {
    }

    /** The session's forward receipts ({@link #saveForwardReceipt}), oldest first; empty by default. */
    default List<String> loadForwardReceipts(String clientId) {
        return List.of();
    }

    /** Removes every flow and receipt (forward receipts included) of the session. */
    void deleteAll(String clientId);
}
