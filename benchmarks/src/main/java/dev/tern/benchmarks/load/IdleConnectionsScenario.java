package dev.tern.benchmarks.load;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Opens many connections that then stay idle (keep alive 0), spread over several loopback source
 * addresses, and reports the connect rate and the broker's resident memory per connection: the
 * growth of {@code VmRSS} from before the first connect to a moment after the last CONNACK.
 *
 * <p>Threading: runs on the caller's thread.
 */
final class IdleConnectionsScenario {

    /** Lets the broker finish the work the last handshakes started before memory is read. */
    private static final long SETTLE_MILLIS = 1_000;

    private IdleConnectionsScenario() {
    }

    /**
     * @param name the scenario's name, which labels the line
     * @param defaultCount connections when {@code --connections} is not given
     */
    static JsonLine run(LoadRun run, String name, int defaultCount) throws Exception {
        int count = run.options.integer("connections", defaultCount);
        long rssBefore = run.probe.rssKb();
        double cpuBefore = run.probe.cpuSeconds();
        long start = System.nanoTime();
        List<LoadClient> clients = run.connectMany(count, "idle", true, i -> Traffic.IDLE,
                run.options.integer("connect-concurrency", 256));
        long end = System.nanoTime();
        long connected = clients.stream().map(LoadClient::connected)
                .filter(done -> done.isDone() && !done.isCompletedExceptionally()).count();
        double cpuAfter = run.probe.cpuSeconds();
        Thread.sleep(SETTLE_MILLIS);
        long rssAfter = run.probe.rssKb();
        long peak = run.probe.peakRssKb();
        hold(run.options.integer("hold", 0), connected);
        run.disconnectAll(clients.stream().filter(client -> isConnected(client.connected())).toList());

        double seconds = (end - start) / 1e9;
        double perConnection = rssBefore < 0 || connected == 0 ? -1 : (rssAfter - rssBefore) * 1024.0 / connected;
        return run.header(name)
                .put("sent", count)
                .put("received", connected)
                .put("lost", count - connected)
                .put("duplicates", 0)
                .put("source_addresses", run.options.integer("source-addresses", 1))
                .put("connects_per_s", Math.rint(connected / seconds))
                .measured("rss_before_kb", rssBefore)
                .measured("rss_after_kb", rssAfter)
                .measured("rss_per_connection_bytes", Math.rint(perConnection))
                .measured("broker_cpu_s_per_million_msgs", LoadRun.cpuPerMillion(cpuBefore, cpuAfter, connected))
                .measured("peak_rss_kb", peak)
                .put("duration_s", seconds);
    }

    /** Keeps the connections open so that the broker's memory can be examined (jcmd, pmap). */
    private static void hold(int seconds, long connected) throws InterruptedException {
        if (seconds > 0) {
            System.err.println("holding " + connected + " idle connections for " + seconds + " s");
            Thread.sleep(seconds * 1_000L);
        }
    }

    private static boolean isConnected(CompletableFuture<LoadClient> connected) {
        return connected.isDone() && !connected.isCompletedExceptionally();
    }
}
