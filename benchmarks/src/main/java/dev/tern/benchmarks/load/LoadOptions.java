package dev.tern.benchmarks.load;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command-line options, {@code --name value} pairs. Each scenario reads the ones it needs, with
 * its own defaults; unknown names are refused, so a typo never silently runs the default. An
 * option given twice takes its last value, so that a script can append an override.
 *
 * <p>Threading: immutable after parsing.
 */
final class LoadOptions {

    static final Set<String> NAMES = Set.of(
            "scenario", "host", "port", "broker-pid", "broker-name", "messages", "publishers",
            "subscribers", "window", "rate", "connections", "clients", "per-client", "payload",
            "threads", "source-addresses", "timeout", "stall", "outstanding", "connect-concurrency", "warmup",
            "protocol", "batch", "topics", "match-percent", "churn", "retained", "groups", "qos", "sub-port",
            "redis-pid", "hold", "rehearsals");

    static final String USAGE = """
            usage: java -jar tern-load.jar --scenario NAME [--name value]...
              scenarios: fan-in-qos0 fan-in-qos1 fan-in-qos2 fan-out latency idle-connections idle-19k persistent-sessions
                         large-64k-fan-in large-64k-fan-out large-1m-fan-in large-1m-fan-out sub-table retained-many
                         cluster-fan-in-qos0 cluster-fan-in-qos1 cluster-fan-out-qos0 cluster-fan-out-qos1
                         cluster-latency-qos0 cluster-latency-qos1
                         latency-qos<Q>-<N>p-<R>k (QoS Q, N publishers, R thousand msg/s in all; e.g. latency-qos1-10p-50k)
              --host 127.0.0.1 --port 1883   broker (loopback only)
              --sub-port P                   flows: subscribers connect to port P (another node), publishers to --port
              --protocol 3.1.1               MQTT version of every connection: 3.1.1 or 5
              --broker-pid PID[,PID...]      read CPU and RSS of the broker from /proc (several: summed)
              --redis-pid PID                also report the CPU of a Redis server per message
              --broker-name NAME             label copied into the JSON line
              --messages N                   messages per publisher (fan-in: each of the publishers)
              --publishers 16 --subscribers 200 --window 64 (QoS 1 unacked per publisher)
              --outstanding 20000            QoS 0: messages sent but not yet received before publishers pause
              --rate 10000 --warmup N        latency: offered messages per second; first N not in percentiles
              --rehearsals 0                 run the scenario this many times first, in this JVM, and drop
                                             their lines (warms the load generator's JIT, not only the broker)
              --qos 0 --publishers 1         latency: the flow's QoS; publishers sharing --rate, each its own topic
              --connections 10000 --source-addresses 4 --connect-concurrency 256   idle-connections (idle-19k: 19000)
              --hold 0                       idle-connections: seconds to keep the connections open after
                                             measuring (time for a heap histogram of the broker)
              --clients 1000 --per-client 100   persistent-sessions; sub-table: 10000 clients x 100 filters
              --topics 4096 --match-percent 50 --churn 0   sub-table: topics per publisher, share matching,
                                             connections subscribing/unsubscribing while traffic flows
              --retained 100000 --groups 50 --qos 1   retained-many (with --clients 1000)
              --batch N                      flows: at most N PUBLISHes per TCP write (1: one each, like most
                                             devices); labelled SCENARIO-batchN; default: a burst per write
              --payload 64 (large-*: 65536 or 1048576) --threads 1 --timeout 300 --stall 10 (seconds without progress)
            """;

    private final Map<String, String> values;

    private LoadOptions(Map<String, String> values) {
        this.values = values;
    }

    static LoadOptions parse(List<String> args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String arg = args.get(i);
            if (!arg.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value at: " + arg);
            }
            String name = arg.substring(2);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, args.get(i + 1));
        }
        if (!values.containsKey("scenario")) {
            throw new IllegalArgumentException("--scenario is required");
        }
        String host = values.getOrDefault("host", "127.0.0.1");
        if (!host.startsWith("127.") && !host.equals("localhost")) {
            throw new IllegalArgumentException("the load generator targets loopback only, not " + host);
        }
        // Checked here, so that a bad value is a usage error rather than a failed run.
        MqttVersion.parse(values.getOrDefault("protocol", MqttVersion.V3_1_1.label()));
        LoadOptions options = new LoadOptions(Map.copyOf(values));
        options.port();
        options.subscriberPort();
        options.brokerPids();
        options.pid("redis-pid");
        return options;
    }

    /** The port publishers (and, without {@code --sub-port}, everyone) connect to. */
    int port() {
        return tcpPort("port", 1883);
    }

    /** The port subscribers of a flow connect to: another node's with {@code --sub-port}, else {@link #port}. */
    int subscriberPort() {
        return tcpPort("sub-port", port());
    }

    /** The processes whose CPU and memory are the broker's, summed (one per node); empty when not given. */
    List<Long> brokerPids() {
        String value = values.get("broker-pid");
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",", -1)).map(pid -> positive("broker-pid", pid.strip())).toList();
    }

    /** A process id option, or 0 when not given. */
    long pid(String name) {
        String value = values.get(name);
        return value == null ? 0 : positive(name, value);
    }

    private int tcpPort(String name, int fallback) {
        int port;
        try {
            port = integer(name, fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a TCP port: " + values.get(name));
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("--" + name + " must be a TCP port, 1 to 65535: " + port);
        }
        return port;
    }

    private static long positive(String name, String value) {
        try {
            long number = Long.parseLong(value);
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the option's name.
        }
        throw new IllegalArgumentException("--" + name + " must be a process id (a positive number): " + value);
    }

    MqttVersion protocol() {
        return MqttVersion.parse(text("protocol", MqttVersion.V3_1_1.label()));
    }

    String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }

    long number(String name, long fallback) {
        String value = values.get(name);
        return value == null ? fallback : Long.parseLong(value.replace("_", ""));
    }
}
