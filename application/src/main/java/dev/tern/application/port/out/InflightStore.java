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

    /** Removes every flow and receipt of the session. */
    void deleteAll(String clientId);
}
