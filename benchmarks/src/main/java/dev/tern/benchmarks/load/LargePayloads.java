package dev.tern.benchmarks.load;

/**
 * Fan-in and fan-out of large messages (64 KiB, 1 MiB) at QoS 0: {@code --publishers} (10) to one
 * subscriber, and one publisher to {@code --subscribers} (10). The figures that matter besides the
 * rate are the broker's CPU per message and its peak RSS (a broker that copied the payload per
 * subscriber would show it in the fan-out's). QoS 0 pacing is bounded in bytes, not in messages:
 * by default a publisher stays at most 32 MiB of payload per subscriber ahead of the receivers.
 *
 * <p>Threading: runs on the caller's thread, like {@link FlowScenario}.
 */
final class LargePayloads {

    static final int KIB_64 = 64 * 1024;
    static final int MIB_1 = 1024 * 1024;
    private static final int AHEAD_BYTES = 32 * MIB_1;

    private LargePayloads() {
    }

    static JsonLine run(LoadRun run, String scenario) throws Exception {
        LoadOptions o = run.options;
        int payload = o.integer("payload", scenario.startsWith("large-1m") ? MIB_1 : KIB_64);
        int outstanding = o.integer("outstanding", Math.max(2, AHEAD_BYTES / payload));
        int messages = o.integer("messages", scenario.startsWith("large-1m") ? 50 : 500);
        FlowShape shape = scenario.endsWith("fan-in")
                ? new FlowShape(o.integer("publishers", 10), 1, i -> "load/large/in/+", i -> "load/large/in/" + i,
                        0, messages, payload, 64, outstanding, 0, 0)
                : new FlowShape(1, o.integer("subscribers", 10), i -> "load/large/out", i -> "load/large/out",
                        0, messages, payload, 64, outstanding, 0, 0);
        return FlowScenario.run(run, scenario, shape, false);
    }
}
