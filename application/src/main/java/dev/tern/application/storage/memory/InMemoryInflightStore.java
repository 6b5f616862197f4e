package dev.tern.application.storage.memory;

import dev.tern.application.port.out.InflightStore;
import dev.tern.domain.delivery.OutboundFlow;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Outbound flows, inbound QoS 2 receipts and forward receipts kept in memory, lost when the
 * broker stops. Flows sit in insertion order keyed by packet id, so a flow saved again under its
 * packet id keeps its place in the resend order [MQTT-4.4.0-1], while one saved after its id was
 * removed goes last. Forward receipts keep the last {@link #FORWARD_RECEIPTS_KEPT}, as in Redis.
 *
 * <p>Threading: thread-safe and non-blocking, one short lock per client (see {@link ClientStates}).
 */
public final class InMemoryInflightStore implements InflightStore {

    private final ClientStates<InflightState> states = new ClientStates<>(InflightState::new, InflightState::isEmpty);

    @Override
    public void save(String clientId, OutboundFlow flow) {
        states.update(clientId, state -> state.flows.put(flow.packetId(), flow));
    }

    @Override
    public void remove(String clientId, int packetId) {
        states.updateExisting(clientId, state -> state.flows.remove(packetId));
    }

    @Override
    public List<OutboundFlow> load(String clientId) {
        return states.read(clientId, state -> List.copyOf(state.flows.values()), List.of());
    }

    @Override
    public void saveReceipt(String clientId, int packetId) {
        states.update(clientId, state -> state.receipts.add(packetId));
    }

    @Override
    public void removeReceipt(String clientId, int packetId) {
        states.updateExisting(clientId, state -> state.receipts.remove(packetId));
    }

    @Override
    public Set<Integer> loadReceipts(String clientId) {
        return states.read(clientId, state -> Set.copyOf(state.receipts), Set.of());
    }

    @Override
    public void saveForwardReceipt(String clientId, String forwardId) {
        states.update(clientId, state -> {
            state.forwardReceipts.addLast(forwardId);
            if (state.forwardReceipts.size() > FORWARD_RECEIPTS_KEPT) {
                state.forwardReceipts.removeFirst();
            }
        });
    }

    @Override
    public List<String> loadForwardReceipts(String clientId) {
        return states.read(clientId, state -> List.copyOf(state.forwardReceipts), List.of());
    }

    @Override
    public void deleteAll(String clientId) {
        states.remove(clientId);
    }

    /** The in-flight state of one client; guarded as {@link ClientStates} describes. */
    private static final class InflightState {
        final Map<Integer, OutboundFlow> flows = new LinkedHashMap<>();
        final Set<Integer> receipts = new LinkedHashSet<>();
        /** Oldest first, at most {@link InflightStore#FORWARD_RECEIPTS_KEPT}. */
        final ArrayDeque<String> forwardReceipts = new ArrayDeque<>();

        boolean isEmpty() {
            return flows.isEmpty() && receipts.isEmpty() && forwardReceipts.isEmpty();
        }
    }
}
