package dev.tern.benchmarks.load;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Many retained topics: one QoS 1 publisher stores {@code --retained} (100,000) retained messages
 * on {@code P/gG/tI} (topic I in group {@code I % --groups}, 50 groups, so 2,000 topics each); then
 * {@code --clients} (1,000) connections subscribe at once, client k to {@code P/gG/#} or, every
 * other client, {@code P/gG/+} with {@code G = k % groups}, and receive that group's retained set
 * at {@code --qos} (1). Reported: the fill rate, the time from the first SUBSCRIBE to the last
 * retained message delivered, deliveries per second, and the broker's {@code VmRSS} before the
 * fill, after it, and the highest reading while the retained sets were delivered. A message the
 * broker refused to store (MQTT 5 PUBACK reason 0x80 or more) is owed to nobody.
 *
 * <p>The retained messages stay in the broker after the run: {@code scripts/bench.sh} starts a
 * fresh broker per run, and the topics carry the run's tag, so no later run sees them.
 *
 * <p>Threading: runs on the caller's thread; connections run on the connector's event loops.
 */
final class RetainedManyScenario {

    private static final long SETTLE_MILLIS = 1_000;
    private static final long SAMPLE_MILLIS = 20;

    private RetainedManyScenario() {
    }

    static JsonLine run(LoadRun run) throws Exception {
        LoadOptions o = run.options;
        int retained = o.integer("retained", 100_000);
        int groups = o.integer("groups", 50);
        int clients = o.integer("clients", 1_000);
        int qos = o.integer("qos", 1);
        if (groups < 1 || groups > retained || qos < 0 || qos > 2) {
            throw new IllegalArgumentException("need 1 <= --groups <= --retained and --qos 0, 1 or 2");
        }
        String prefix = "rt-" + run.tag();

        long rssStart = run.probe.rssKb();
        PublishTemplate[] templates = new PublishTemplate[retained];
        for (int i = 0; i < retained; i++) {
            templates[i] = MqttFrames.publish(run.protocol, prefix + "/g" + (i % groups) + "/t" + i, 1,
                    o.integer("payload", 64), true);
        }
        Publisher filler = new Publisher(0, templates, 1, retained, o.integer("window", 64), () -> true, 0, run.progress);
        List<LoadClient> filling = run.connectAll(1, "retainer", true, i -> filler);
        long fillStart = System.nanoTime();
        filler.start(filling.get(0), fillStart);
        Progress.await(run.progress.acked, retained, run.stallMillis, run.deadlineNanos);
        long fillEnd = filler.finishedNanos() > 0 ? filler.finishedNanos() : System.nanoTime();
        BitSet refused = Connector.onLoop(filling.get(0), filler::refusedSequences);
        run.disconnectAll(filling);
        Thread.sleep(SETTLE_MILLIS);
        long rssFilled = run.probe.rssKb();

        long[] perGroup = new long[groups];
        for (int i = 0; i < retained; i++) {
            perGroup[i % groups] += refused.get(i) ? 0 : 1;
        }
        List<Receiver> receivers = new ArrayList<>();
        List<LoadClient> subscribers = run.connectAll(clients, "retained", true, i -> {
            Receiver receiver = new Receiver(run.progress, Integer.MAX_VALUE);
            receivers.add(receiver);
            return receiver;
        });
        long expected = 0;
        for (int k = 0; k < clients; k++) {
            expected += perGroup[k % groups];
        }

        double cpuBefore = run.probe.cpuSeconds();
        long start = System.nanoTime();
        long received;
        long rssDuring;
        try (RssSampler sampler = new RssSampler(run.probe, SAMPLE_MILLIS)) {
            run.subscribeAll(subscribers, k -> prefix + "/g" + (k % groups) + (k % 2 == 0 ? "/#" : "/+"), qos);
            Progress.await(run.progress.received, expected, run.stallMillis, run.deadlineNanos);
            rssDuring = sampler.max();
        }
        double cpuAfter = run.probe.cpuSeconds();

        Tally tally = Tally.of(subscribers, receivers);
        long misdelivered = 0;
        for (int k = 0; k < clients; k++) {
            int group = k % groups;
            Receiver receiver = receivers.get(k);
            misdelivered += Connector.onLoop(subscribers.get(k),
                    () -> receiver.countSeen(0, sequence -> sequence % groups != group || refused.get(sequence)));
        }
        run.disconnectAll(subscribers);
        long rssAfter = run.probe.rssKb();

        long end = tally.lastArrivalNanos() > 0 ? tally.lastArrivalNanos() : System.nanoTime();
        double seconds = (end - start) / 1e9;
        double fillSeconds = (fillEnd - fillStart) / 1e9;
        long delivered = tally.unique() - misdelivered;
        // Each subscriber is owed its own group; the line counts deliveries, one "published" per delivery owed.
        return new Outcome(expected, 1, 0, delivered, tally.duplicates()).into(run.header("retained-many")
                        .put("qos", qos)
                        .put("retained", retained)
                        .put("retained_refused", refused.cardinality())
                        .put("groups", groups)
                        .put("clients", clients))
                .put("misdelivered", misdelivered)
                .put("fill_msgs_per_s", Math.rint(run.progress.acked.sum() / fillSeconds))
                .put("retained_delivery_s", seconds)
                .put("msgs_per_s", Math.rint(delivered / seconds))
                .measured("rss_start_kb", rssStart)
                .measured("rss_filled_kb", rssFilled)
                .measured("rss_max_during_delivery_kb", rssDuring)
                .measured("rss_after_kb", rssAfter)
                .measured("broker_cpu_s_per_million_msgs", LoadRun.cpuPerMillion(cpuBefore, cpuAfter, delivered))
                .measured("peak_rss_kb", run.probe.peakRssKb())
                .put("duration_s", seconds);
    }
}
