package dev.tern.benchmarks.load;

import java.util.List;
import java.util.stream.Stream;

/**
 * A reported figure of a scenario and the targets it is held to, if any.
 *
 * <p>Threading: immutable.
 */
record Metric(String scenario, String field, String label, List<Target> targets) {

    Metric(String scenario, String field, String label, Target target) {
        this(scenario, field, label, List.of(target));
    }

    /**
     * The fixed-rate latency flows, one subscriber each: {@code latency} is QoS 0 from one publisher
     * at 10,000 msg/s; the others say their QoS, publishers ({@code 10p}) and total offered rate.
     */
    static final List<String> LATENCY_FLOWS = List.of("latency", "latency-qos0-1p-50k", "latency-qos0-10p-10k",
            "latency-qos0-10p-50k", "latency-qos1-1p-10k", "latency-qos1-1p-50k", "latency-qos1-10p-10k",
            "latency-qos1-10p-50k");

    /**
     * In table order; a scenario's rows stay together. The load generator's own CPU is shown where
     * the relay runs: when the relay's CPU is near zero, the generator is what limits the rate.
     */
    static final List<Metric> ALL = Stream.of(List.of(
            new Metric("fan-in-qos0", "msgs_per_s", "msgs/s",
                    List.of(Target.ratioAtLeast(1.3), Target.shareOfRelayAtLeast(50))),
            new Metric("fan-in-qos0", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", Target.ratioAtMost(1.0)),
            new Metric("fan-in-qos0", "load_cpu_s_per_million_msgs", "load generator CPU s / 1M msgs", List.of()),
            new Metric("fan-in-qos1", "msgs_per_s", "msgs/s", Target.ratioAtLeast(1.3)),
            new Metric("fan-in-qos1", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", List.of()),
            new Metric("fan-in-qos2", "msgs_per_s", "msgs/s", Target.ratioAtLeast(1.3)),
            new Metric("fan-in-qos2", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", Target.ratioAtMost(1.0)),
            // One PUBLISH per TCP write (--batch 1), as devices send: syscalls per message, not batching.
            new Metric("fan-in-qos0-batch1", "msgs_per_s", "msgs/s", List.of()),
            new Metric("fan-in-qos0-batch1", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", List.of()),
            new Metric("fan-in-qos0-batch1", "load_cpu_s_per_million_msgs", "load generator CPU s / 1M msgs", List.of()),
            new Metric("fan-in-qos1-batch1", "msgs_per_s", "msgs/s", List.of()),
            new Metric("fan-in-qos1-batch1", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", List.of()),
            new Metric("fan-in-qos1-batch1", "load_cpu_s_per_million_msgs", "load generator CPU s / 1M msgs", List.of()),
            new Metric("fan-out", "msgs_per_s", "deliveries/s",
                    List.of(Target.ratioAtLeast(1.3), Target.shareOfRelayAtLeast(50))),
            new Metric("fan-out", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M deliveries", List.of()),
            new Metric("fan-out", "load_cpu_s_per_million_msgs", "load generator CPU s / 1M deliveries", List.of())),
            large("large-64k-fan-in", "msgs/s"),
            large("large-64k-fan-out", "deliveries/s"),
            large("large-1m-fan-in", "msgs/s"),
            large("large-1m-fan-out", "deliveries/s"),
            LATENCY_FLOWS.stream().flatMap(scenario -> Stream.of(
                    new Metric(scenario, "latency_p50_us", "p50 µs", List.of()),
                    new Metric(scenario, "latency_p99_us", "p99 µs", Target.ratioAtMost(1.0)),
                    new Metric(scenario, "latency_p999_us", "p99.9 µs", Target.ratioAtMost(1.0)),
                    // How late the load generator wrote the messages: part of every latency above.
                    new Metric(scenario, "send_late_p99_us", "load generator send lateness p99 µs", List.of()),
                    new Metric(scenario, "send_late_p999_us", "load generator send lateness p99.9 µs", List.of()),
                    // From each write to its arrival: the latency less that lateness.
                    new Metric(scenario, "transit_p99_us", "write-to-arrival p99 µs", List.of()),
                    new Metric(scenario, "transit_p999_us", "write-to-arrival p99.9 µs", List.of()),
                    // Added by scripts/bench.sh from the broker's GC log: its whole life, not only the measured part.
                    new Metric(scenario, "broker_gc_pauses", "broker GC pauses", List.of()),
                    new Metric(scenario, "broker_gc_pause_max_ms", "broker GC pause, longest ms", List.of()))).toList(),
            List.of(new Metric("idle-connections", "connects_per_s", "connects/s", List.of()),
            new Metric("idle-connections", "rss_per_connection_bytes", "broker RSS bytes / connection",
                    Target.atMost(Brokers.DEFAULT, 2048, "B")),
            new Metric("idle-19k", "connects_per_s", "connects/s", List.of()),
            new Metric("idle-19k", "rss_per_connection_bytes", "broker RSS bytes / connection",
                    Target.atMost(Brokers.DEFAULT, 2048, "B")),
            new Metric("idle-19k", "rss_after_kb", "broker RSS KiB with every connection open", List.of()),
            // Absolute and on tern-h2: acknowledging after commit bounds the fill rate by the store, not by Mosquitto.
            new Metric("persistent-sessions", "fill_msgs_per_s", "fill msgs/s", List.of(Target.ratioAtLeast(1.3),
                    Target.atLeast("tern-h2", 40_000, "msg/s"), Target.atLeast("tern-redis", 40_000, "msg/s"))),
            new Metric("persistent-sessions", "drain_msgs_per_s", "drain msgs/s", Target.ratioAtLeast(1.3)),
            new Metric("sub-table", "subscribe_s", "s to subscribe all", List.of()),
            new Metric("sub-table", "rss_per_subscription_bytes", "broker RSS bytes / subscription", List.of()),
            new Metric("sub-table", "msgs_per_s", "matches/s", Target.ratioAtLeast(1.3)),
            new Metric("sub-table", "publishes_per_s", "publishes/s", List.of()),
            new Metric("sub-table", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M publishes", Target.ratioAtMost(1.0)),
            new Metric("sub-table", "churn_ops_per_s", "churn (un)subscribes/s", List.of()),
            new Metric("retained-many", "fill_msgs_per_s", "retained fill msgs/s", List.of()),
            new Metric("retained-many", "retained_delivery_s", "s to deliver the retained sets", List.of()),
            new Metric("retained-many", "msgs_per_s", "deliveries/s", Target.ratioAtLeast(1.3)),
            new Metric("retained-many", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M deliveries", Target.ratioAtMost(1.0)),
            new Metric("retained-many", "rss_filled_kb", "broker RSS kB, retained stored", List.of()),
            new Metric("retained-many", "rss_max_during_delivery_kb", "broker RSS kB, max while delivering", List.of())),
            cluster("cluster-fan-in-qos0", "msgs"),
            cluster("cluster-fan-in-qos1", "msgs"),
            cluster("cluster-fan-out-qos0", "deliveries"),
            cluster("cluster-fan-out-qos1", "deliveries"),
            cluster("cluster-latency-qos0", "msgs"),
            cluster("cluster-latency-qos1", "msgs"))
            .flatMap(List::stream)
            .toList();

    /**
     * The rows of a large-payload flow. {@code broker_peak_rss_kb} is the broker's {@code VmHWM},
     * added to the line by {@code scripts/bench.sh} after the run: a payload copied per subscriber
     * would show there.
     */
    private static List<Metric> large(String scenario, String rate) {
        return List.of(
                new Metric(scenario, "msgs_per_s", rate, Target.ratioAtLeast(1.3)),
                new Metric(scenario, "payload_mb_per_s", "payload MB/s", List.of()),
                new Metric(scenario, "broker_cpu_s_per_million_msgs", "broker CPU s / 1M " + rate.replace("/s", ""),
                        Target.ratioAtMost(1.0)),
                new Metric(scenario, "broker_peak_rss_kb", "broker peak RSS kB (VmHWM)", List.of()));
    }

    /**
     * The rows of a cluster flow ({@link ClusterFlows}): the broker's CPU is that of all its nodes,
     * Redis's is apart. In the fan-in and fan-out the latency is that of a flow at full speed (time
     * waiting under load); the latency flows give the hop's own.
     */
    private static List<Metric> cluster(String scenario, String unit) {
        boolean latency = scenario.startsWith("cluster-latency");
        String under = latency ? "" : " under load";
        return List.of(
                new Metric(scenario, "msgs_per_s", unit + "/s", List.of()),
                new Metric(scenario, "latency_p50_us", "p50 µs" + under, List.of()),
                new Metric(scenario, "latency_p99_us", "p99 µs" + under, List.of()),
                new Metric(scenario, "broker_cpu_s_per_million_msgs", "broker CPU s / 1M " + unit + " (all nodes)", List.of()),
                new Metric(scenario, "redis_cpu_s_per_million_msgs", "Redis CPU s / 1M " + unit, List.of()));
    }

    static List<String> scenarios() {
        return ALL.stream().map(Metric::scenario).distinct().toList();
    }

    static List<Metric> of(String scenario) {
        return ALL.stream().filter(metric -> metric.scenario().equals(scenario)).toList();
    }
}
