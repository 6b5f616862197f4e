/**
 * Ports of a cluster of Tern nodes sharing one backend (docs/cluster.md): node leases, session
 * ownership with fencing epochs, the cluster-wide route table, and forwarding of messages and
 * signals between nodes. A storage backend that can carry a cluster offers them through
 * {@link dev.tern.application.port.out.Storage#cluster}. Stable API (see
 * {@link dev.tern.application.port.StableApi}).
 *
 * <p>Threading, for every port here unless its javadoc says otherwise: methods may block for a
 * round trip to the backend, so the broker calls them on its cluster threads, never on a network
 * I/O thread; implementations are thread-safe. Listener callbacks arrive on the backend's own
 * threads and must not block.
 */
@StableApi
package dev.tern.application.port.cluster;

import dev.tern.application.port.StableApi;
