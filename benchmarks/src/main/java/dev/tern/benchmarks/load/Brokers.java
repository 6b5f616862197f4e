package dev.tern.benchmarks.load;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The broker labels of a results file in column order. Tern's default configuration leads because
 * most targets are judged on it, its variants follow so that they sit beside it (the cluster
 * topologies after the others, one node before two), then other brokers, Mosquitto, the
 * reference ratios divide by (in the cluster rows: one clustered node), and last the zero-work relay ({@code benchmarks/src/main/c}),
 * the ceiling of the QoS 0 flows on the machine, which rates are also given as a share of.
 *
 * <p>Threading: stateless.
 */
final class Brokers {

    static final String DEFAULT = "tern";
    static final String REFERENCE = "mosquitto";
    static final String RELAY = "relay";
    /**
     * The reference of the cluster rows ({@link ClusterFlows}): the same flow on one node with
     * clustering on, so that the two-node column's ratio is what the hop costs.
     */
    static final String CLUSTER_REFERENCE = "tern-cluster-1node";
    private static final String CLUSTER_PREFIX = "tern-cluster-";

    private static final Comparator<String> COLUMN_ORDER = Comparator
            .comparingInt(Brokers::rank)
            .thenComparing(Comparator.naturalOrder());

    private Brokers() {
    }

    /** The broker whose median a scenario's ratios divide by. */
    static String referenceFor(String scenario) {
        return scenario.startsWith(ClusterFlows.PREFIX) ? CLUSTER_REFERENCE : REFERENCE;
    }

    static List<String> columns(List<ResultLine> runs) {
        return runs.stream()
                .map(run -> run.text("broker"))
                .filter(Objects::nonNull)
                .distinct()
                .sorted(COLUMN_ORDER)
                .toList();
    }

    private static int rank(String broker) {
        if (broker.equals(DEFAULT)) {
            return 0;
        }
        if (broker.startsWith(CLUSTER_PREFIX)) {
            // After tern-redis, clustering off: clustering on, then two nodes.
            return 2;
        }
        if (broker.startsWith(DEFAULT)) {
            return 1;
        }
        if (broker.equals(RELAY)) {
            return 5;
        }
        return broker.equals(REFERENCE) ? 4 : 3;
    }
}
