package dev.tern.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -cp tern-load.jar dev.tern.benchmarks.load.ResultsTable RESULTS.jsonl}: prints a
 * markdown table of the runs in the file, per scenario, protocol version and metric a column per
 * broker with the median and the range over its repetitions and, beside every broker but
 * Mosquitto, the ratio of its median to Mosquitto's; then whether the target is met. Loss,
 * duplicates and refusals (MQTT 5 reason codes, never counted as loss) of every broker get their
 * own column so that they cannot go unnoticed.
 *
 * <p>Threading: single-threaded command.
 */
public final class ResultsTable {

    /** Ratios share the broker's cell: a column per ratio would double the width of the table. */
    static final String LEGEND = "Broker cells: median (min–max) over the runs · ratio of the median to Mosquitto's"
            + " (in cluster-* rows: to " + Brokers.CLUSTER_REFERENCE + "'s, one node with clustering on)"
            + " · for rates, where the relay ran, the median as a share of the relay's (a zero-work relay:"
            + " the ceiling of the scenario on this machine).\n";

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
        List<String> brokers = Brokers.columns(runs);
        StringBuilder out = new StringBuilder("| scenario | metric |");
        brokers.forEach(broker -> out.append(' ').append(broker).append(" |"));
        out.append(" target | met | lost/dup/refused |\n");
        out.append("|---|---|").append("---|".repeat(brokers.size())).append("---|---|---|\n");
        for (String scenario : Metric.scenarios()) {
            for (RunGroup group : RunGroup.of(runs, scenario)) {
                for (Metric metric : Metric.of(scenario)) {
                    row(out, runs, brokers, group, metric);
                }
            }
        }
        out.append('\n').append(LEGEND);
        bottlenecks(out, runs);
        return out.toString();
    }

    /**
     * Where the relay spent at most a tenth of the load generator's CPU per message, the relay
     * was waiting for the generator: its rate is the generator's ceiling, not the machine's.
     */
    private static void bottlenecks(StringBuilder out, List<ResultLine> runs) {
        for (String scenario : Metric.scenarios()) {
            for (RunGroup group : RunGroup.of(runs, scenario)) {
                double relay = Figures.of(runs, Brokers.RELAY, group, "broker_cpu_s_per_million_msgs").median();
                double load = Figures.of(runs, Brokers.RELAY, group, "load_cpu_s_per_million_msgs").median();
                if (relay <= load / 10) {
                    out.append("\n").append(group.label()).append(": the relay used ").append(format(relay, 2))
                            .append(" µs of CPU per message, the load generator ").append(format(load, 2))
                            .append(": the load generator, not the relay, sets this ceiling.\n");
                }
            }
        }
    }

    private static void row(StringBuilder out, List<ResultLine> runs, List<String> brokers, RunGroup group,
            Metric metric) {
        List<Figures> figures = brokers.stream()
                .map(broker -> Figures.of(runs, broker, group, metric.field()))
                .toList();
        if (figures.stream().allMatch(Figures::isEmpty)) {
            return;
        }
        String referenceBroker = Brokers.referenceFor(group.scenario());
        Figures reference = Figures.of(runs, referenceBroker, group, metric.field());
        Figures relay = Figures.of(runs, Brokers.RELAY, group, metric.field());
        boolean rate = metric.field().equals("msgs_per_s");
        out.append("| ").append(group.label()).append(" | ").append(metric.label()).append(" |");
        for (int i = 0; i < brokers.size(); i++) {
            out.append(' ').append(cell(brokers.get(i), referenceBroker, figures.get(i), reference, rate ? relay : null))
                    .append(" |");
        }
        // A target against the relay is left out where the relay did not run (most scenarios).
        List<Target> targets = metric.targets().stream()
                .filter(target -> !Brokers.RELAY.equals(target.against()) || !relay.isEmpty())
                .toList();
        List<String> texts = targets.stream().map(Target::text).toList();
        List<String> verdicts = targets.stream()
                .map(target -> target.verdict(Figures.of(runs, target.broker(), group, metric.field()),
                        target.relative() ? Figures.of(runs, target.against(), group, metric.field()) : reference))
                .toList();
        out.append(' ').append(String.join("; ", texts))
                .append(" | ").append(verdicts.stream().allMatch(String::isEmpty) ? "" : String.join("; ", verdicts))
                .append(" | ").append(losses(runs, brokers, group))
                .append(" |\n");
    }

    private static String cell(String broker, String referenceBroker, Figures figures, Figures reference,
                               Figures relay) {
        String cell = figures.toString();
        if (figures.isEmpty()) {
            return cell;
        }
        // A reference median of 0 (a run too short for the CPU clock to tick) gives no ratio.
        if (!broker.equals(referenceBroker) && !reference.isEmpty() && reference.median() != 0) {
            cell += " · " + format(figures.median() / reference.median(), 2) + "x";
        }
        if (relay != null && !broker.equals(Brokers.RELAY) && !relay.isEmpty() && relay.median() != 0) {
            cell += " · " + Math.round(100 * figures.median() / relay.median()) + "% of relay";
        }
        return cell;
    }

    private static String losses(List<ResultLine> runs, List<String> brokers, RunGroup group) {
        List<String> parts = brokers.stream()
                .map(broker -> broker + " " + Figures.losses(runs, broker, group))
                .toList();
        return String.join("; ", parts);
    }

    static String format(double value, int decimals) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
                : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
