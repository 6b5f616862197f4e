package dev.tern.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Persistent sessions: {@code clients} clean-session=0 clients subscribe at QoS 1 to a topic of
 * their own and go offline; one QoS 1 publisher then sends {@code per-client} messages to each
 * (fill: until every PUBACK arrived); then all clients come back and receive their queues
 * (drain: until every message arrived).
 *
 * <p>Threading: runs on the caller's thread.
 */
final class PersistentSessionsScenario {

    private PersistentSessionsScenario() {
    }

    static JsonLine run(LoadRun run) throws Exception {
        int clients = run.options.integer("clients", 1_000);
        int perClient = run.options.integer("per-client", 100);
        long total = (long) clients * perClient;

        List<LoadClient> sessions = run.connectAll(clients, "persist", false, i -> Traffic.IDLE);
        run.subscribeAll(sessions, PersistentSessionsScenario::topic, 1);
        run.disconnectAll(sessions);

        PublishTemplate[] templates = new PublishTemplate[clients];
        for (int i = 0; i < clients; i++) {
            templates[i] = MqttFrames.publish(run.protocol, topic(i), 1, run.options.integer("payload", 64));
        }
        Publisher publisher = new Publisher(0, templates, 1, Math.toIntExact(total),
                run.options.integer("window", 64), () -> true, 0, run.progress);
        List<LoadClient> publishing = run.connectAll(1, "filler", true, i -> publisher);

        double cpuBefore = run.probe.cpuSeconds();
        long fillStart = System.nanoTime();
        publisher.start(publishing.get(0), fillStart);
        Progress.await(run.progress.acked, total, run.stallMillis, run.deadlineNanos);
        long fillEnd = publisher.finishedNanos() > 0 ? publisher.finishedNanos() : System.nanoTime();
        run.disconnectAll(publishing);

        List<Receiver> receivers = new ArrayList<>();
        long drainStart = System.nanoTime();
        List<LoadClient> returning = run.connectAll(clients, "persist", false, i -> {
            Receiver receiver = new Receiver(run.progress, Integer.MAX_VALUE);
            receivers.add(receiver);
            return receiver;
        });
        // Each session has one subscription, so a refused message is one delivery less to wait for.
        Progress.await(run.progress.received::sum, () -> total - run.progress.refused.sum(),
                run.stallMillis, run.deadlineNanos);
        double cpuAfter = run.probe.cpuSeconds();
        Tally tally = Tally.of(returning, receivers);
        Outcome outcome = new Outcome(total, 1, run.progress.refused.sum(), tally.unique(), tally.duplicates());
        run.disconnectAll(returning);

        long drainEnd = tally.lastArrivalNanos() > 0 ? tally.lastArrivalNanos() : System.nanoTime();
        double fillSeconds = (fillEnd - fillStart) / 1e9;
        double drainSeconds = (drainEnd - drainStart) / 1e9;
        endSessions(run, clients);
        JsonLine line = run.header("persistent-sessions")
                .put("qos", 1)
                .put("clients", clients)
                .put("acked", run.progress.acked.sum());
        return outcome.into(line)
                .put("msgs_per_s", Math.rint(tally.unique() / (fillSeconds + drainSeconds)))
                .put("fill_msgs_per_s", Math.rint(run.progress.acked.sum() / fillSeconds))
                .put("drain_msgs_per_s", Math.rint(tally.unique() / drainSeconds))
                .measured("broker_cpu_s_per_million_msgs", LoadRun.cpuPerMillion(cpuBefore, cpuAfter, tally.unique()))
                .measured("peak_rss_kb", run.probe.peakRssKb())
                .put("duration_s", fillSeconds + drainSeconds);
    }

    /**
     * Connects each client once more with a clean session, which ends its stored session: a broker
     * that outlives the run (a soak) would otherwise keep every run's sessions, each subscribed to
     * the topics the next runs publish to, and queueing for them. After the measurement, so the
     * figures do not include it.
     */
    private static void endSessions(LoadRun run, int clients) throws InterruptedException {
        run.disconnectAll(run.connectAll(clients, "persist", true, i -> Traffic.IDLE));
    }

    private static String topic(int client) {
        return "load/persist/" + client;
    }
}
