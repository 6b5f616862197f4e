package dev.tern.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * {@code java -cp tern-load.jar dev.tern.benchmarks.load.ResultsTable RESULTS.jsonl}: prints a
 * markdown table of the runs in the file, per scenario and metric the median and the range over
 * the repetitions of each broker, the Tern/Mosquitto ratio of the medians, and whether the target
 * is met. Loss and duplicates get their own column so that they cannot go unnoticed.
 *
 * <p>Threading: single-threaded command.
 */
public final class ResultsTable {

    private static final String TERN = "tern";
    private static final String MOSQUITTO = "mosquitto";

    /** A reported figure and the target it is held to, if any. */
    private record Metric(String scenario, String field, String label, String target, Predicate<Comparison> met) {
    }

    /** Medians of both brokers, for target checks. */
    record Comparison(double tern, double mosquitto) {
        double ratio() {
            return tern / mosquitto;
        }
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("fan-in-qos0", "msgs_per_s", "msgs/s", ">= 1.3x", c -> c.ratio() >= 1.3),
            new Metric("fan-in-qos0", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", "<= 1.0x", c -> c.ratio() <= 1.0),
            new Metric("fan-in-qos1", "msgs_per_s", "msgs/s", ">= 1.3x", c -> c.ratio() >= 1.3),
            new Metric("fan-in-qos1", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M msgs", null, null),
            new Metric("fan-out", "msgs_per_s", "deliveries/s", ">= 1.3x", c -> c.ratio() >= 1.3),
            new Metric("fan-out", "broker_cpu_s_per_million_msgs", "broker CPU s / 1M deliveries", null, null),
            new Metric("latency", "latency_p50_us", "p50 µs", null, null),
            new Metric("latency", "latency_p99_us", "p99 µs", "<= 1.0x", c -> c.ratio() <= 1.0),
            new Metric("latency", "latency_p999_us", "p99.9 µs", null, null),
            new Metric("idle-connections", "connects_per_s", "connects/s", null, null),
            new Metric("idle-connections", "rss_per_connection_bytes", "broker RSS bytes / connection", "<= 2048 B", c -> c.tern() <= 2048),
            new Metric("persistent-sessions", "fill_msgs_per_s", "fill msgs/s", null, null),
            new Metric("persistent-sessions", "drain_msgs_per_s", "drain msgs/s", null, null));

    private ResultsTable() {
    }

    public static void main(String[] args) throws IOException {
        List<ResultLine> runs = new ArrayList<>();
        for (String arg : args) {
            for (String line : Files.readAllLines(Path.of(arg))) {
                if (line.startsWith("{")) {
                    runs.add(ResultLine.parse(line));
                }
            }
        }
        System.out.print(markdown(runs));
    }

    static String markdown(List<ResultLine> runs) {
        StringBuilder out = new StringBuilder();
        out.append("| scenario | metric | Tern median (range) | Mosquitto median (range) | Tern/Mosquitto | target | met | lost/dup Tern; Mosquitto |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (Metric metric : METRICS) {
            Figures tern = Figures.of(runs, TERN, metric.scenario(), metric.field());
            Figures mosquitto = Figures.of(runs, MOSQUITTO, metric.scenario(), metric.field());
            if (tern.isEmpty() && mosquitto.isEmpty()) {
                continue;
            }
            Comparison comparison = new Comparison(tern.median(), mosquitto.median());
            String met = metric.met() == null || tern.isEmpty() ? "" : metric.met().test(comparison) ? "yes" : "**no**";
            out.append("| ").append(metric.scenario())
                    .append(" | ").append(metric.label())
                    .append(" | ").append(tern)
                    .append(" | ").append(mosquitto)
                    .append(" | ").append(tern.isEmpty() || mosquitto.isEmpty() ? "" : format(comparison.ratio(), 2))
                    .append(" | ").append(metric.target() == null ? "" : metric.target())
                    .append(" | ").append(met)
                    .append(" | ").append(Figures.losses(runs, TERN, metric.scenario()))
                    .append("; ").append(Figures.losses(runs, MOSQUITTO, metric.scenario()))
                    .append(" |\n");
        }
        return out.toString();
    }

    static String format(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
