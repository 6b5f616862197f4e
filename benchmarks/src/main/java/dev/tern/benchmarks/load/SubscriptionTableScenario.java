package dev.tern.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * A large subscription table: {@code --clients} (10,000) connections subscribe {@code --per-client}
 * (100) filters each, in one SUBSCRIBE per client, all at once (the time until the last SUBACK is
 * the subscribe time); the broker's memory per subscription is its {@code VmRSS} growth over that
 * phase. Then {@code --publishers} (4) publish {@code --messages} QoS 0 messages each to topics
 * drawn from {@link SubscriptionTable}, about {@code --match-percent} (50) % of them matching one
 * subscription, while {@code --churn} (0) more connections subscribe and unsubscribe filters no
 * topic matches. Reported: matching deliveries per second, publishes per second, churn operations
 * per second, and any delivery of a non-matching topic ({@code misdelivered}).
 *
 * <p>10,000 connections stay well under the 20,000 file descriptors a process may hold here (the
 * load generator and the broker each hold one per connection), so one process does it; spread
 * them over several loopback source addresses ({@code --source-addresses}) so that one address's
 * ephemeral ports are not the limit. Every connection shares one {@link Receiver}, which is why
 * the scenario needs the connector's single event loop ({@code --threads 1}, the default).
 *
 * <p>Threading: runs on the caller's thread; connections run on the connector's event loop.
 */
final class SubscriptionTableScenario {

    /** Lets the broker finish the work of the last SUBSCRIBEs before memory is read. */
    private static final long SETTLE_MILLIS = 1_000;

    private SubscriptionTableScenario() {
    }

    static JsonLine run(LoadRun run) throws Exception {
        LoadOptions o = run.options;
        if (o.integer("threads", 1) != 1) {
            throw new IllegalArgumentException("sub-table shares one receiver between connections: --threads 1");
        }
        SubscriptionTable table = new SubscriptionTable("st-" + run.tag(), o.integer("clients", 10_000),
                o.integer("per-client", 100));
        int messages = o.integer("messages", 50_000);
        int payload = o.integer("payload", 64);
        int publishers = o.integer("publishers", 4);
        int matchPercent = o.integer("match-percent", 50);

        Receiver receiver = new Receiver(run.progress, Integer.MAX_VALUE);
        long rssStart = run.probe.rssKb();
        List<LoadClient> clients = run.connectAll(table.clients(), "table", true, i -> receiver);
        Thread.sleep(SETTLE_MILLIS);
        long rssConnected = run.probe.rssKb();

        long subscribeStart = System.nanoTime();
        List<CompletableFuture<LoadClient>> subacks = new ArrayList<>(clients.size());
        for (int c = 0; c < clients.size(); c++) {
            subacks.add(clients.get(c).subscribe(table.filters(c), 0));
        }
        subacks.forEach(CompletableFuture::join);
        double subscribeSeconds = (System.nanoTime() - subscribeStart) / 1e9;
        Thread.sleep(SETTLE_MILLIS);
        long rssSubscribed = run.probe.rssKb();

        List<SubscriptionTable.Sample> samples = new ArrayList<>();
        long expected = 0;
        for (int p = 0; p < publishers; p++) {
            SubscriptionTable.Sample sample = table.sample(p, o.integer("topics", 4_096), matchPercent);
            samples.add(sample);
            expected += sample.matchingAmong(messages);
        }
        double matchShare = expected / ((double) publishers * messages);
        long outstanding = o.integer("outstanding", 20_000);
        Progress progress = run.progress;
        List<Publisher> senders = new ArrayList<>();
        List<LoadClient> publishing = run.connectAll(publishers, "pub", true, p -> {
            String[] topics = samples.get(p).topics();
            PublishTemplate[] templates = new PublishTemplate[topics.length];
            for (int t = 0; t < topics.length; t++) {
                templates[t] = MqttFrames.publish(run.protocol, topics[t], 0, payload);
            }
            Publisher publisher = new Publisher(p, templates, 0, messages, 64,
                    () -> progress.sent.sum() * matchShare - progress.received.sum() < outstanding, 0, progress);
            senders.add(publisher);
            return publisher;
        });
        LongAdder churnOperations = new LongAdder();
        List<Churner> churners = new ArrayList<>();
        List<LoadClient> churning = run.connectAll(o.integer("churn", 0), "churn", true, i -> {
            // Under the busiest branches of the table, where no published topic ever goes.
            Churner churner = new Churner(run.protocol,
                    round -> table.prefix() + "/" + Math.floorMod(i * 7_919 + round, table.clients()) + "/churn" + i + "/#",
                    churnOperations);
            churners.add(churner);
            return churner;
        });

        double cpuBefore = run.probe.cpuSeconds();
        long start = System.nanoTime();
        for (int i = 0; i < churning.size(); i++) {
            churners.get(i).start(churning.get(i));
        }
        for (int p = 0; p < publishing.size(); p++) {
            senders.get(p).start(publishing.get(p), start);
        }
        Progress.await(progress.received, expected, run.stallMillis, run.deadlineNanos);
        double cpuAfter = run.probe.cpuSeconds();
        churners.forEach(Churner::stop);
        double churnSeconds = (System.nanoTime() - start) / 1e9;
        long churned = churnOperations.sum();

        Tally tally = Tally.of(clients.subList(0, 1), List.of(receiver));
        long misdelivered = 0;
        for (int p = 0; p < publishers; p++) {
            SubscriptionTable.Sample sample = samples.get(p);
            int publisher = p;
            misdelivered += Connector.onLoop(clients.get(0),
                    () -> receiver.countSeen(publisher, sequence -> !sample.matches(sequence)));
        }
        run.disconnectAll(churning);
        run.disconnectAll(publishing);
        run.disconnectAll(clients);

        long end = tally.lastArrivalNanos() > 0 ? tally.lastArrivalNanos() : System.nanoTime();
        double seconds = (end - start) / 1e9;
        long matched = tally.unique() - misdelivered;
        double perSubscription = rssConnected < 0 ? -1
                : (rssSubscribed - rssConnected) * 1024.0 / table.subscriptions();
        // One receiver per matching message, so the matching publishes are the deliveries owed.
        return new Outcome(expected, 1, 0, matched, tally.duplicates()).into(run.header("sub-table")
                        .put("qos", 0)
                        .put("clients", table.clients())
                        .put("subscriptions", table.subscriptions())
                        .put("publishers", publishers)
                        .put("publishes_total", (long) publishers * messages))
                .put("misdelivered", misdelivered)
                .put("subscribe_s", subscribeSeconds)
                .put("subscriptions_per_s", Math.rint(table.subscriptions() / subscribeSeconds))
                .put("msgs_per_s", Math.rint(matched / seconds))
                .put("publishes_per_s", Math.rint(publishers * (double) messages / seconds))
                .put("churn_clients", churning.size())
                .put("churn_ops_per_s", Math.rint(churned / churnSeconds))
                .measured("rss_start_kb", rssStart)
                .measured("rss_connected_kb", rssConnected)
                .measured("rss_subscribed_kb", rssSubscribed)
                .measured("rss_per_subscription_bytes", Math.rint(perSubscription))
                .measured("broker_cpu_s_per_million_msgs",
                        LoadRun.cpuPerMillion(cpuBefore, cpuAfter, (long) publishers * messages))
                .measured("peak_rss_kb", run.probe.peakRssKb())
                .put("duration_s", seconds);
    }
}
