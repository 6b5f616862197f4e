package dev.tern.domain.delivery;

import dev.tern.domain.message.Qos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbound QoS 1 and 2 deliveries of one session that await acknowledgement, in the order
 * they were first sent, so that a reconnect resends them in that order [MQTT-4.4.0-1]. Bounded
 * by {@code capacity}: the broker queues further messages until a slot frees.
 *
 * <p>Threading: not thread-safe; owned by the session's executor.
 */
public final class InflightWindow {

    private final Map<Integer, OutboundFlow> flows = new LinkedHashMap<>();
    private final PacketIdPool packetIds = new PacketIdPool();
    private int capacity;

    public InflightWindow(int capacity) {
        setCapacity(capacity);
    }

    /** Changes the bound, for example to the client's Receive Maximum; flows already open stay. */
    public void setCapacity(int capacity) {
        if (capacity < 1 || capacity > 0xFFFF) {
            throw new IllegalArgumentException("in-flight capacity must be 1..65535: " + capacity);
        }
        this.capacity = capacity;
    }

    public boolean isFull() {
        return flows.size() >= capacity;
    }

    public int size() {
        return flows.size();
    }

    public boolean isEmpty() {
        return flows.isEmpty();
    }

    /**
     * Opens a flow for a QoS 1 or 2 message and returns it, or null when the window is full
     * (or, in theory, every packet id is taken).
     *
     * @throws IllegalArgumentException for a QoS 0 delivery, before any packet id is taken
     */
    public OutboundFlow open(Delivery delivery) {
        // Checked before allocating: a packet id taken for a flow that never opens would leak for good.
        if (delivery.message().qos() == Qos.AT_MOST_ONCE) {
            throw new IllegalArgumentException("QoS 0 has no outbound flow");
        }
        if (isFull()) {
            return null;
        }
        int packetId = packetIds.allocate();
        if (packetId == 0) {
            return null;
        }
        OutboundFlow flow = OutboundFlow.start(packetId, delivery);
        flows.put(packetId, flow);
        return flow;
    }

    /** Puts back a flow restored from storage, keeping its packet id. False if the id is taken. */
    public boolean restore(OutboundFlow flow) {
        if (!packetIds.reserve(flow.packetId())) {
            return false;
        }
        flows.put(flow.packetId(), flow);
        return true;
    }

    public OutboundFlow get(int packetId) {
        return flows.get(packetId);
    }

    /** Moves a flow to its next state, keeping its place in the resend order. */
    public void advance(OutboundFlow.AwaitingPubcomp next) {
        flows.replace(next.packetId(), next);
    }

    public void complete(int packetId) {
        if (flows.remove(packetId) != null) {
            packetIds.release(packetId);
        }
    }

    /** Every open flow in first-sent order, for the resend on reconnect. */
    public List<OutboundFlow> inOrder() {
        return new ArrayList<>(flows.values());
    }

    /** Drops every flow, returning the deliveries that were still unacknowledged PUBLISHes. */
    public List<Delivery> clear() {
        List<Delivery> unacknowledged = new ArrayList<>();
        for (OutboundFlow flow : flows.values()) {
            if (flow instanceof OutboundFlow.AwaitingPuback a) {
                unacknowledged.add(a.delivery());
            } else if (flow instanceof OutboundFlow.AwaitingPubrec r) {
                unacknowledged.add(r.delivery());
            }
            packetIds.release(flow.packetId());
        }
        flows.clear();
        return unacknowledged;
    }
}
