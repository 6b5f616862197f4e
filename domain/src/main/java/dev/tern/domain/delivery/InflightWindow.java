package dev.tern.domain.delivery;

import dev.tern.domain.message.Qos;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outbound QoS 1 and 2 deliveries of one session that await acknowledgement, in the order
 * they were first sent, so that a reconnect resends them in that order [MQTT-4.4.0-1]. Bounded
 * by {@code capacity}, and by the bytes of the messages it holds ({@link Delivery#sizeInBytes()}):
 * the broker queues further messages until a slot and the bytes free. A message is held until its
 * PUBACK or PUBREC: after PUBREC only the packet id is kept (4.3.3), so its bytes free then. An
 * empty window takes any one message, so that one larger than the byte bound still goes out.
 *
 * <p>Threading: not thread-safe; owned by the session's executor.
 */
public final class InflightWindow {

    /** The shared empty map until the first flow opens: an idle session holds no map. */
    private Map<Integer, OutboundFlow> flows = Map.of();
    private final PacketIdPool packetIds = new PacketIdPool();
    private final long maxBytes;
    private int capacity;
    private long bytes;

    public InflightWindow(int capacity) {
        this(capacity, Long.MAX_VALUE);
    }

    public InflightWindow(int capacity, long maxBytes) {
        this.maxBytes = requireByteLimit(maxBytes);
        setCapacity(capacity);
    }

    /** Returns {@code maxBytes} if a window may be bounded by it (positive). */
    public static long requireByteLimit(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("in-flight byte limit must be positive: " + maxBytes);
        }
        return maxBytes;
    }

    /** Changes the bound, for example to the client's Receive Maximum; flows already open stay. */
    public void setCapacity(int capacity) {
        this.capacity = requireCapacity(capacity);
    }

    /** Returns {@code capacity} if a window may have it (1..65535, the packet ids there are). */
    public static int requireCapacity(int capacity) {
        if (capacity < 1 || capacity > 0xFFFF) {
            throw new IllegalArgumentException("in-flight capacity must be 1..65535: " + capacity);
        }
        return capacity;
    }

    public boolean isFull() {
        return flows.size() >= capacity;
    }

    public int size() {
        return flows.size();
    }

    /** The bytes of the messages held, as the byte bound counts them. */
    public long bytes() {
        return bytes;
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
        long size = delivery.sizeInBytes();
        if (isFull() || (!flows.isEmpty() && bytes + size > maxBytes)) {
            return null;
        }
        int packetId = packetIds.allocate();
        if (packetId == 0) {
            return null;
        }
        OutboundFlow flow = OutboundFlow.start(packetId, delivery);
        writableFlows().put(packetId, flow);
        bytes += size;
        return flow;
    }

    /** Puts back a flow restored from storage, keeping its packet id. False if the id is taken. */
    public boolean restore(OutboundFlow flow) {
        if (!packetIds.reserve(flow.packetId())) {
            return false;
        }
        writableFlows().put(flow.packetId(), flow);
        bytes += heldBytes(flow);
        return true;
    }

    public OutboundFlow get(int packetId) {
        return flows.get(packetId);
    }

    /** Moves a flow to its next state, keeping its place in the resend order. */
    public void advance(OutboundFlow.AwaitingPubcomp next) {
        OutboundFlow before = flows.isEmpty() ? null : flows.replace(next.packetId(), next);
        if (before != null) {
            bytes -= heldBytes(before);
        }
    }

    public void complete(int packetId) {
        OutboundFlow removed = flows.isEmpty() ? null : flows.remove(packetId);
        if (removed != null) {
            bytes -= heldBytes(removed);
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
        flows = Map.of();
        bytes = 0;
        return unacknowledged;
    }

    private Map<Integer, OutboundFlow> writableFlows() {
        if (!(flows instanceof LinkedHashMap)) {
            flows = new LinkedHashMap<>();
        }
        return flows;
    }

    /** The bytes a flow holds: its message until PUBACK or PUBREC, nothing after. */
    private static long heldBytes(OutboundFlow flow) {
        if (flow instanceof OutboundFlow.AwaitingPuback a) {
            return a.delivery().sizeInBytes();
        }
        if (flow instanceof OutboundFlow.AwaitingPubrec r) {
            return r.delivery().sizeInBytes();
        }
        return 0;
    }
}
