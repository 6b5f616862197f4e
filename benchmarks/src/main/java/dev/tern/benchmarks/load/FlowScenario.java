package dev.tern.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs one publish/subscribe flow (fan-in, fan-out, latency): subscribers first (on the node of
 * {@code --sub-port} if given), then route probes until every subscriber is reachable from the
 * publishers' node ({@link RouteProbe}), then the publishers start together; the run ends when
 * every expected delivery arrived, nothing arrived for the stall time, or the deadline passed. Loss
 * and duplicates are counted, never hidden.
 *
 * <p>Threading: runs on the caller's thread; connections run on the connector's event loops.
 */
final class FlowScenario {

    private FlowScenario() {
    }

    static JsonLine run(LoadRun run, String scenario, FlowShape shape, boolean reportLatency) throws Exception {
        List<Receiver> receivers = new ArrayList<>();
        // A flow that reports no latency records none: at fan-out rates, two histograms of 377 KB
        // per receiver, touched at every delivery, cost the load generator about 30% more CPU per
        // delivery and lowered the ceiling it measures (docs/benchmarks.md, "Results").
        int latencyFrom = reportLatency ? shape.latencyFrom() : Integer.MAX_VALUE;
        List<LoadClient> subscribers = run.connectAll(run.options.subscriberPort(), shape.subscribers(), "sub", true, i -> {
            Receiver receiver = new Receiver(run.progress, latencyFrom);
            receivers.add(receiver);
            return receiver;
        });
        run.subscribeAll(subscribers, shape.filter(), shape.qos());
        long routeWaitMillis = RouteProbe.await(run, shape.topic().apply(0), shape.qos(), receivers);

        List<Publisher> publishers = new ArrayList<>();
        int batch = run.options.integer("batch", 0);
        Progress progress = run.progress;
        long outstanding = (long) shape.outstanding() * shape.subscribers();
        List<LoadClient> publishing = run.connectAll(shape.publishers(), "pub", true, i -> {
            PublishTemplate[] template = {
                MqttFrames.publish(run.protocol, shape.topic().apply(i), shape.qos(), shape.payload())};
            Publisher publisher = new Publisher(i, template, shape.qos(), shape.perPublisher(), shape.window(),
                    () -> progress.sent.sum() * shape.subscribers() - progress.received.sum() < outstanding,
                    shape.ratePerSecond(), progress).flushEvery(batch).lateFrom(shape.latencyFrom());
            publishers.add(publisher);
            return publisher;
        });

        double cpuBefore = run.probe.cpuSeconds();
        double redisBefore = run.redis.cpuSeconds();
        double selfBefore = run.self.cpuSeconds();
        long start = System.nanoTime();
        // At a fixed rate the publishers start a share of one period apart, so that together they
        // offer evenly spaced messages rather than bursts of one per publisher.
        long stagger = shape.ratePerSecond() > 0 ? 1_000_000_000L / (shape.ratePerSecond() * shape.publishers()) : 0;
        for (int i = 0; i < publishing.size(); i++) {
            publishers.get(i).start(publishing.get(i), start + i * stagger);
        }
        // Refused messages are never delivered: the goal shrinks by their deliveries as they come.
        Progress.await(progress.received::sum,
                () -> shape.expectedDeliveries() - progress.refused.sum() * shape.subscribers(),
                run.stallMillis, run.deadlineNanos);
        double cpuAfter = run.probe.cpuSeconds();
        double redisAfter = run.redis.cpuSeconds();
        double selfAfter = run.self.cpuSeconds();

        Tally tally = Tally.of(subscribers, receivers);
        LatencyHistogram lateness = new LatencyHistogram();
        for (int i = 0; i < publishing.size(); i++) {
            lateness.add(Connector.onLoop(publishing.get(i), publishers.get(i)::sendLateness));
        }
        Outcome outcome = new Outcome(shape.published(), shape.subscribers(), progress.refused.sum(),
                tally.unique(), tally.duplicates());
        run.disconnectAll(publishing);
        run.disconnectAll(subscribers);

        long end = tally.lastArrivalNanos() > 0 ? tally.lastArrivalNanos() : System.nanoTime();
        double seconds = (end - start) / 1e9;
        // A bounded batch is another workload (one syscall per message at 1), so it gets its own
        // scenario label and its own rows in the results table.
        JsonLine line = outcome.into(run.header(batch > 0 ? scenario + "-batch" + batch : scenario)
                .put("qos", shape.qos())
                .put("publishers", shape.publishers())
                .put("subscribers", shape.subscribers())
                .put("payload_bytes", shape.payload())
                .put("sub_port_differs", run.options.subscriberPort() != run.options.port())
                .put("route_wait_ms", routeWaitMillis))
                .put("msgs_per_s", Math.rint(tally.unique() / seconds))
                .put("payload_mb_per_s", Math.rint(tally.unique() * (double) shape.payload() / seconds / 1e4) / 100);
        if (batch > 0) {
            line.put("publishes_per_write", batch);
        }
        if (shape.qos() > 0) {
            // Flows the broker finished with the publishers: next to received, it tells a broker
            // that stopped accepting from one that accepted and did not deliver.
            line.put("acked", progress.acked.sum());
        }
        if (reportLatency) {
            // The load generator's own share of the latency, how late its writes went out, and the
            // rest, from each write to its arrival (-1 when the payload cannot carry the write time).
            line.put("offered_msgs_per_s", shape.ratePerSecond() * shape.publishers())
                    .measured("latency_p50_us", tally.latency().percentile(0.50))
                    .measured("latency_p99_us", tally.latency().percentile(0.99))
                    .measured("latency_p999_us", tally.latency().percentile(0.999))
                    .measured("send_late_p99_us", lateness.percentile(0.99))
                    .measured("send_late_p999_us", lateness.percentile(0.999))
                    .measured("transit_p99_us", tally.transit().percentile(0.99))
                    .measured("transit_p999_us", tally.transit().percentile(0.999));
        }
        if (run.redis.attached()) {
            line.measured("redis_cpu_s_per_million_msgs", LoadRun.cpuPerMillion(redisBefore, redisAfter, tally.unique()));
        }
        return line.measured("broker_cpu_s_per_million_msgs", LoadRun.cpuPerMillion(cpuBefore, cpuAfter, tally.unique()))
                .measured("load_cpu_s_per_million_msgs", LoadRun.cpuPerMillion(selfBefore, selfAfter, tally.unique()))
                .measured("peak_rss_kb", run.probe.peakRssKb())
                .put("duration_s", seconds);
    }
}
