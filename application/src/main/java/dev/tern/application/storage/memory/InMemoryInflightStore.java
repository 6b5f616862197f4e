package dev.tern.application.storage.memory;

import dev.tern.application.port.out.InflightStore;
import dev.tern.domain.delivery.OutboundFlow;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Outbound flows and inbound QoS 2 receipts kept in memory, lost when the broker stops. Flows sit
 * in insertion order keyed by packet id, so a flow saved again under its packet id keeps its
 * place in the resend order [MQTT-4.4.0-1], while one saved after its id was removed goes last.
 *
 * <p>Threading: thread-safe and non-blocking, one short lock per client (see {@link ClientStates}).
 */
public final class InMemoryInflightStore implements InflightStore {

    private final ClientStates<Session> sessions = new ClientStates<>(Session::new, Session::isEmpty);

    @Override
    public void save(String clientId, OutboundFlow flow) {
        sessions.update(clientId, session -> session.flows.put(flow.packetId(), flow));
    }

    @Override
    public void remove(String clientId, int packetId) {
        sessions.updateExisting(clientId, session -> session.flows.remove(packetId));
    }

    @Override
    public List<OutboundFlow> load(String clientId) {
        return sessions.read(clientId, session -> List.copyOf(session.flows.values()), List.of());
    }

    @Override
    public void saveReceipt(String clientId, int packetId) {
        sessions.update(clientId, session -> session.receipts.add(packetId));
    }

    @Override
    public void removeReceipt(String clientId, int packetId) {
        sessions.updateExisting(clientId, session -> session.receipts.remove(packetId));
    }

    @Override
    public Set<Integer> loadReceipts(String clientId) {
        return sessions.read(clientId, session -> Set.copyOf(session.receipts), Set.of());
    }

    @Override
    public void deleteAll(String clientId) {
        sessions.remove(clientId);
    }

    /** The in-flight state of one client; guarded as {@link ClientStates} describes. */
    private static final class Session {
        final Map<Integer, OutboundFlow> flows = new LinkedHashMap<>();
        final Set<Integer> receipts = new LinkedHashSet<>();

        boolean isEmpty() {
            return flows.isEmpty() && receipts.isEmpty();
        }
    }
}
