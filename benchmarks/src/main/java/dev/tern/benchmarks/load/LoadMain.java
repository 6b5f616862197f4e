package dev.tern.benchmarks.load;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar tern-load.jar --scenario NAME ...}: runs one bounded load scenario against a
 * broker on loopback and prints one JSON line with the result. Exit status 2 on bad options,
 * 1 when the run could not be carried out (a broker that refused connections, say); a run that
 * lost messages still prints its line and exits 0, since loss is a finding, not a failure.
 *
 * <p>Threading: {@link #run} blocks the calling thread for the length of the run.
 */
public final class LoadMain {

    /** {@code latency-qos<Q>-<N>p-<R>k}: QoS Q, N publishers, R thousand messages a second in all. */
    private static final Pattern NAMED_LATENCY = Pattern.compile("latency-qos([012])-(\\d+)p-(\\d+)k");

    private LoadMain() {
    }

    public static void main(String[] args) {
        LoadOptions options;
        try {
            options = LoadOptions.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        try {
            System.out.println(run(options));
        } catch (Exception e) {
            System.err.println("load run failed: " + e);
            System.exit(1);
        }
        System.exit(0);
    }

    /** Runs the scenario the arguments name and returns its JSON line. */
    public static String run(List<String> args) throws Exception {
        return run(LoadOptions.parse(args));
    }

    private static String run(LoadOptions options) throws Exception {
        String name = options.text("scenario", "");
        // A fresh generator JVM compiles its hot paths while a run goes on: at 10,000 msg/s the C2
        // compiler was still busy seconds in, taking the core the event loop needed and making
        // the sends late (docs/benchmarks.md, "The load generator's share"). Rehearsals, each with
        // connections and a tag of its own, run those paths first; what they print is dropped.
        int rehearsals = options.integer("rehearsals", 0);
        if (rehearsals < 0) {
            throw new IllegalArgumentException("--rehearsals must be 0 or more: " + rehearsals);
        }
        for (int i = 0; i < rehearsals; i++) {
            try (LoadRun rehearsal = new LoadRun(options)) {
                scenario(rehearsal, name);
            }
        }
        try (LoadRun run = new LoadRun(options)) {
            return scenario(run, name).toString();
        }
    }

    private static JsonLine scenario(LoadRun run, String name) throws Exception {
        LoadOptions o = run.options;
        int messages = o.integer("messages", 100_000);
        int window = o.integer("window", 64);
        int outstanding = o.integer("outstanding", 20_000);
        int payload = o.integer("payload", 64);
        return switch (name) {
            case "fan-in-qos0", "fan-in-qos1", "fan-in-qos2" -> {
                int qos = name.charAt(name.length() - 1) - '0';
                yield FlowScenario.run(run, name, new FlowShape(o.integer("publishers", 16), 1,
                        i -> "load/in/+", i -> "load/in/" + i, qos, messages, payload, window, outstanding, 0, 0), false);
            }
            case "fan-out" -> FlowScenario.run(run, name, new FlowShape(1, o.integer("subscribers", 200),
                    i -> "load/out", i -> "load/out", 0, messages, payload, window, outstanding, 0, 0), false);
            case "latency" -> FlowScenario.run(run, name, latencyShape(name, o, messages, payload, window, outstanding), true);
            case "large-64k-fan-in", "large-64k-fan-out", "large-1m-fan-in", "large-1m-fan-out" ->
                    LargePayloads.run(run, name);
            case "idle-connections" -> IdleConnectionsScenario.run(run, name, 10_000);
            case "idle-19k" -> IdleConnectionsScenario.run(run, name, 19_000);
            case "persistent-sessions" -> PersistentSessionsScenario.run(run);
            case "sub-table" -> SubscriptionTableScenario.run(run);
            case "retained-many" -> RetainedManyScenario.run(run);
            case "cluster-fan-in-qos0", "cluster-fan-in-qos1", "cluster-fan-out-qos0", "cluster-fan-out-qos1",
                    "cluster-latency-qos0", "cluster-latency-qos1" -> ClusterFlows.run(run, name);
            default -> {
                if (!NAMED_LATENCY.matcher(name).matches()) {
                    throw new IllegalArgumentException("unknown scenario " + name);
                }
                yield FlowScenario.run(run, name, latencyShape(name, o, messages, payload, window, outstanding), true);
            }
        };
    }

    /**
     * A fixed-rate flow to one subscriber: the total offered rate is shared evenly by the
     * publishers, each on a topic of its own under one wildcard subscription. A name such as
     * {@code latency-qos1-10p-50k} fixes QoS, publishers and rate; plain {@code latency} takes
     * {@code --qos}, {@code --publishers} and {@code --rate}.
     */
    private static FlowShape latencyShape(String name, LoadOptions o, int messages, int payload, int window,
                                          int outstanding) {
        Matcher named = NAMED_LATENCY.matcher(name);
        boolean fixed = named.matches();
        int qos = fixed ? Integer.parseInt(named.group(1)) : o.integer("qos", 0);
        int publishers = fixed ? Integer.parseInt(named.group(2)) : o.integer("publishers", 1);
        long rate = fixed ? Long.parseLong(named.group(3)) * 1_000 : o.number("rate", 10_000);
        if (rate % publishers != 0) {
            throw new IllegalArgumentException("a rate of " + rate + " does not divide among " + publishers + " publishers");
        }
        return new FlowShape(publishers, 1, i -> "load/latency/+", i -> "load/latency/" + i, qos,
                messages, payload, window, outstanding, rate / publishers, o.integer("warmup", messages / 10));
    }
}
