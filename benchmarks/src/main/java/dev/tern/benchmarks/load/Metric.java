package dev.tern.benchmarks.load;

import java.util.List;

/**
 * A reported figure of a scenario and the target it is held to, if any.
 *
 * <p>Threading: immutable.
 */
record Metric(String scenario, String field, String label, Target target) {

    /** In table order; a scenario's rows stay together. */
    static final List<Metric> ALL = List.of(
            new Metric("fan-in-qos0", "msgs_per_s", "msgs/s", Target.ratioAtLeast(1.3)),
            new Metric("fan-in-qos0", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", Target.ratioAtMost(1.0)),
            new Metric("fan-in-qos1", "msgs_per_s", "msgs/s", Target.ratioAtLeast(1.3)),
            new Metric("fan-in-qos1", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", null),
            new Metric("fan-out", "msgs_per_s", "deliveries/s", Target.ratioAtLeast(1.3)),
            new Metric("fan-out", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M deliveries", null),
            new Metric("latency", "latency_p50_us", "p50 µs", null),
            new Metric("latency", "latency_p99_us", "p99 µs", Target.ratioAtMost(1.0)),
            new Metric("latency", "latency_p999_us", "p99.9 µs", null),
            new Metric("idle-connections", "connects_per_s", "connects/s", null),
            new Metric("idle-connections", "rss_per_connection_bytes", "broker RSS bytes / connection",
                    Target.atMost(Brokers.DEFAULT, 2048, "B")),
            // Absolute and on tern-h2: acknowledging after commit bounds the fill rate by the store, not by Mosquitto.
            new Metric("persistent-sessions", "fill_msgs_per_s", "fill msgs/s",
                    Target.atLeast("tern-h2", 30_000, "msg/s")),
            new Metric("persistent-sessions", "drain_msgs_per_s", "drain msgs/s", null));

    static List<String> scenarios() {
        return ALL.stream().map(Metric::scenario).distinct().toList();
    }

    static List<Metric> of(String scenario) {
        return ALL.stream().filter(metric -> metric.scenario().equals(scenario)).toList();
    }
}
