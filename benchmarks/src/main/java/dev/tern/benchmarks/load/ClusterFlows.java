package dev.tern.benchmarks.load;

/**
 * The cluster benchmark: the flows of one broker, with the publishers connected to one node
 * ({@code --port}) and the subscribers to another ({@code --sub-port}), so that every message
 * crosses from node to node; without {@code --sub-port} the same flow runs on one node, the
 * figure the hop is measured against. Every flow reports throughput and p50/p99 latency.
 * <ul>
 *   <li>{@code cluster-fan-in-qos0}, {@code -qos1}: {@code --publishers} (16) -> 1 subscriber of a
 *       {@code +} filter, as fast as paced (the latency is then the time a message waits under load);</li>
 *   <li>{@code cluster-fan-out-qos0}, {@code -qos1}: 1 publisher -> {@code --subscribers} (200) of one
 *       topic: one forwarded message per node, fanned out on the subscribers' node;</li>
 *   <li>{@code cluster-latency-qos0}, {@code -qos1}: 1 publisher -> 1 subscriber at a fixed offered
 *       rate ({@code --rate}, 10,000/s), the first {@code --warmup} (10 %) left out of the percentiles:
 *       the latency of the hop itself.</li>
 * </ul>
 * Topics carry the run's tag, so that a run never meets the routes of an earlier run (a warm-up)
 * that the nodes may still be removing.
 *
 * <p>Threading: runs on the caller's thread, like {@link FlowScenario}.
 */
final class ClusterFlows {

    static final String PREFIX = "cluster-";

    private ClusterFlows() {
    }

    static JsonLine run(LoadRun run, String scenario) throws Exception {
        LoadOptions o = run.options;
        int qos = qos(scenario);
        int messages = o.integer("messages", 100_000);
        int window = o.integer("window", 64);
        int outstanding = o.integer("outstanding", 20_000);
        int payload = o.integer("payload", 64);
        String root = "load/" + run.tag();
        FlowShape shape = switch (scenario.substring(PREFIX.length(), scenario.length() - "-qos0".length())) {
            case "fan-in" -> new FlowShape(o.integer("publishers", 16), 1, i -> root + "/in/+", i -> root + "/in/" + i,
                    qos, messages, payload, window, outstanding, 0, o.integer("warmup", 0));
            case "fan-out" -> new FlowShape(1, o.integer("subscribers", 200), i -> root + "/out", i -> root + "/out",
                    qos, messages, payload, window, outstanding, 0, o.integer("warmup", 0));
            case "latency" -> new FlowShape(1, 1, i -> root + "/latency", i -> root + "/latency",
                    qos, messages, payload, window, outstanding, o.number("rate", 10_000),
                    o.integer("warmup", messages / 10));
            default -> throw new IllegalArgumentException("unknown scenario " + scenario);
        };
        return FlowScenario.run(run, scenario, shape, true);
    }

    /** The QoS a cluster scenario's name ends in: {@code -qos0} or {@code -qos1}. */
    static int qos(String scenario) {
        if (scenario.endsWith("-qos0")) {
            return 0;
        }
        if (scenario.endsWith("-qos1")) {
            return 1;
        }
        throw new IllegalArgumentException("unknown scenario " + scenario);
    }
}
