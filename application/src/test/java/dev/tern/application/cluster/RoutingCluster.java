package dev.tern.application.cluster;

import dev.tern.application.cluster.memory.InMemoryCluster;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Nodes of one in-memory cluster, sharing a clock and stores, run by hand: {@link #settle} runs
 * every node's queued tasks until the whole cluster is quiet.
 *
 * <p>Threading: single-threaded; for use by one test thread.
 */
final class RoutingCluster {

    final ManualClock clock = new ManualClock(1_000_000);
    final InMemoryCluster cluster = new InMemoryCluster(clock);
    final SharedStores stores = new SharedStores();
    private final List<RoutingNode> nodes = new ArrayList<>();

    RoutingNode node(String id) {
        return node(id, UnaryOperator.identity());
    }

    /** A started node whose forwarding is {@code wrapper} of the cluster's. */
    RoutingNode node(String id, UnaryOperator<MessageForwarding> wrapper) {
        RoutingNode node = new RoutingNode(id, cluster, stores, clock, wrapper).start();
        nodes.add(node);
        settle();
        return node;
    }

    void settle() {
        boolean ran = true;
        while (ran) {
            ran = false;
            for (RoutingNode node : nodes) {
                ran |= node.runPending();
            }
        }
    }
}
