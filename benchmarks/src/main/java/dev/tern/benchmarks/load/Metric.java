package dev.tern.benchmarks.load;

import java.util.List;

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
     * In table order; a scenario's rows stay together. The load generator's own CPU is shown where
     * the relay runs: when the relay's CPU is near zero, the generator is what limits the rate.
     */
    static final List<Metric> ALL = List.of(
            new Metric("fan-in-qos0", "msgs_per_s", "msgs/s",
                    List.of(Target.ratioAtLeast(1.3), Target.shareOfRelayAtLeast(50))),
            new Metric("fan-in-qos0", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", Target.ratioAtMost(1.0)),
            new Metric("fan-in-qos0", "load_cpu_s_per_million_msgs", "load generator CPU s / 1M msgs", List.of()),
            new Metric("fan-in-qos1", "msgs_per_s", "msgs/s", Target.ratioAtLeast(1.3)),
            new Metric("fan-in-qos1", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", List.of()),
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
            new Metric("fan-out", "load_cpu_s_per_million_msgs", "load generator CPU s / 1M deliveries", List.of()),
            new Metric("latency", "latency_p50_us", "p50 µs", List.of()),
            new Metric("latency", "latency_p99_us", "p99 µs", Target.ratioAtMost(1.0)),
            new Metric("latency", "latency_p999_us", "p99.9 µs", List.of()),
            new Metric("idle-connections", "connects_per_s", "connects/s", List.of()),
            new Metric("idle-connections", "rss_per_connection_bytes", "broker RSS bytes / connection",
                    Target.atMost(Brokers.DEFAULT, 2048, "B")),
            // Absolute and on tern-h2: acknowledging after commit bounds the fill rate by the store, not by Mosquitto.
            new Metric("persistent-sessions", "fill_msgs_per_s", "fill msgs/s",
                    Target.atLeast("tern-h2", 30_000, "msg/s")),
            new Metric("persistent-sessions", "drain_msgs_per_s", "drain msgs/s", List.of()));

    static List<String> scenarios() {
        return ALL.stream().map(Metric::scenario).distinct().toList();
    }

    static List<Metric> of(String scenario) {
        return ALL.stream().filter(metric -> metric.scenario().equals(scenario)).toList();
    }
}
