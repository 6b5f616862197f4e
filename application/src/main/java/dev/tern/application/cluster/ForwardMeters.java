package dev.tern.application.cluster;

import dev.tern.application.port.out.MetricsRegistry;

/**
 * What this node sends to the other nodes of its cluster: forwarded messages, at most once (QoS 0)
 * or durably (QoS 1 and 2), and the sends that failed (the backend refused or was unreachable; a
 * durable one fails its publisher's acknowledgement). One counter increment per message and node.
 *
 * <p>Threading: thread-safe; counted on publishers' threads and the backend's.
 */
public final class ForwardMeters {

    /** Counts nothing: for tests and nodes without metrics. */
    public static final ForwardMeters NONE = new ForwardMeters(MetricsRegistry.NONE);

    private final MetricsRegistry.Counter atMostOnce;
    private final MetricsRegistry.Counter durable;
    private final MetricsRegistry.Counter failed;

    public ForwardMeters(MetricsRegistry registry) {
        String description = "messages forwarded to another cluster node, one per destination node";
        this.atMostOnce = registry.counter("tern_cluster_forwarded", description, "delivery", "at_most_once");
        this.durable = registry.counter("tern_cluster_forwarded", description, "delivery", "durable");
        this.failed = registry.counter("tern_cluster_forward_failures",
                "forwards to another cluster node that failed (refused by the backend or not sent)");
    }

    void sentAtMostOnce() {
        atMostOnce.increment();
    }

    void sentDurably() {
        durable.increment();
    }

    void failed() {
        failed.increment();
    }
}
