package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.RouteListener;

/**
 * One change of a node's routes, as published on {@code P cluster:route-changes}:
 * {@code version kind:u8 (1 added, 2 removed, 3 node removed) node:string filter:string?}
 * (filter absent for a node removed).
 *
 * <p>Threading: immutable.
 *
 * @param kind   what changed
 * @param nodeId the node whose routes changed (for a removal, the departed node, not its adopter)
 * @param filter the filter added or removed; null when the whole node was removed
 */
record RouteChange(Kind kind, String nodeId, String filter) {

    enum Kind { ADDED, REMOVED, NODE_REMOVED }

    RouteChange {
        if (kind == null || nodeId == null || (filter == null) != (kind == Kind.NODE_REMOVED)) {
            throw new IllegalArgumentException("a route change needs a kind, a node and a filter unless the node went");
        }
    }

    byte[] toBytes() {
        return new ValueWriter(StoredValues.VERSION).writeByte(kind.ordinal() + 1).writeString(nodeId)
                .writeString(filter).toByteArray();
    }

    static RouteChange of(byte[] value, String source) {
        ValueReader in = new ValueReader(value, StoredValues.VERSION, source);
        int kind = in.readByte();
        if (kind < 1 || kind > Kind.values().length) {
            throw new CorruptValueException(source, "unknown route change " + kind);
        }
        RouteChange change = new RouteChange(Kind.values()[kind - 1], in.readString(), in.readString());
        in.expectEnd();
        return change;
    }

    /** Tells {@code listener} about this change. */
    void tell(RouteListener listener) {
        switch (kind) {
            case ADDED -> listener.added(nodeId, filter);
            case REMOVED -> listener.removed(nodeId, filter);
            case NODE_REMOVED -> listener.nodeRemoved(nodeId);
            default -> throw new IllegalStateException("unknown kind " + kind);
        }
    }
}
