package dev.tern.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * What every scenario shares: options, the connector, the broker probe, progress counters and
 * the run's limits. Client ids carry a per-run tag, so runs against one broker never share a
 * session.
 *
 * <p>Threading: used by the run's main thread.
 */
final class LoadRun implements AutoCloseable {

    final LoadOptions options;
    final MqttVersion protocol;
    final Connector connector;
    final BrokerProbe probe;
    /** The Redis server of a Tern on Redis ({@code --redis-pid}), or detached. */
    final BrokerProbe redis;
    /** The load generator's own process, to show that it is not the bottleneck. */
    final BrokerProbe self;
    final Progress progress = new Progress();
    final long stallMillis;
    final long deadlineNanos;
    private final String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    LoadRun(LoadOptions options) {
        this.options = options;
        this.protocol = options.protocol();
        this.connector = new Connector(options.text("host", "127.0.0.1"), options.port(),
                protocol, options.integer("threads", 1), options.integer("source-addresses", 1));
        long ticks = BrokerProbe.clockTicks();
        this.probe = new BrokerProbe(options.brokerPids(), ticks);
        this.redis = new BrokerProbe(options.pid("redis-pid"), ticks);
        this.self = new BrokerProbe(ProcessHandle.current().pid(), ticks);
        this.stallMillis = options.integer("stall", 10) * 1_000L;
        this.deadlineNanos = System.nanoTime() + options.integer("timeout", 300) * 1_000_000_000L;
    }

    /** Differs per run; scenarios put it in their topics, so runs against one broker never meet. */
    String tag() {
        return tag;
    }

    String clientId(String role, int index) {
        return "load-" + tag + "-" + role + "-" + index;
    }

    /**
     * Opens {@code count} connections with at most {@code concurrency} handshakes under way, and
     * waits for all to finish, successfully or not. Failed ones are in the list too: check
     * {@link LoadClient#connected()}.
     */
    List<LoadClient> connectMany(int count, String role, boolean cleanSession, IntFunction<Traffic> traffic,
                                 int concurrency) throws InterruptedException {
        return connectMany(options.port(), count, role, cleanSession, traffic, concurrency);
    }

    /** {@link #connectMany} to the node listening on {@code port}. */
    private List<LoadClient> connectMany(int port, int count, String role, boolean cleanSession,
                                         IntFunction<Traffic> traffic, int concurrency) throws InterruptedException {
        Semaphore handshakes = new Semaphore(concurrency);
        List<LoadClient> clients = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (!handshakes.tryAcquire(Math.max(1, remainingMillis()), TimeUnit.MILLISECONDS)) {
                break;
            }
            LoadClient client = connector.connect(port, clientId(role, i), cleanSession, traffic.apply(i));
            client.connected().whenComplete((ok, failure) -> handshakes.release());
            clients.add(client);
        }
        handshakes.tryAcquire(concurrency, Math.max(1, remainingMillis()), TimeUnit.MILLISECONDS);
        return clients;
    }

    /** Like {@link #connectMany}, but any failure ends the run: flows need every client. */
    List<LoadClient> connectAll(int count, String role, boolean cleanSession, IntFunction<Traffic> traffic)
            throws InterruptedException {
        return connectAll(options.port(), count, role, cleanSession, traffic);
    }

    /** {@link #connectAll} to the node listening on {@code port}: a flow's subscribers use {@code --sub-port}. */
    List<LoadClient> connectAll(int port, int count, String role, boolean cleanSession, IntFunction<Traffic> traffic)
            throws InterruptedException {
        List<LoadClient> clients = connectMany(port, count, role, cleanSession, traffic,
                options.integer("connect-concurrency", 256));
        for (LoadClient client : clients) {
            client.connected().join();
        }
        if (clients.size() < count) {
            throw new IllegalStateException("connected only " + clients.size() + " of " + count + " " + role + "s in time");
        }
        return clients;
    }

    void subscribeAll(List<LoadClient> clients, IntFunction<String> filter, int qos) {
        List<java.util.concurrent.CompletableFuture<LoadClient>> acks = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            acks.add(clients.get(i).subscribe(filter.apply(i), qos));
        }
        acks.forEach(java.util.concurrent.CompletableFuture::join);
    }

    void disconnectAll(List<LoadClient> clients) {
        clients.stream()
                .filter(client -> client.channel() != null)
                .map(LoadClient::disconnect)
                .toList()
                .forEach(closed -> closed.awaitUninterruptibly(5, TimeUnit.SECONDS));
    }

    long remainingMillis() {
        return (deadlineNanos - System.nanoTime()) / 1_000_000;
    }

    /** Fields every JSON line starts with. */
    JsonLine header(String scenario) {
        return new JsonLine()
                .put("scenario", scenario)
                .put("broker", options.text("broker-name", null))
                .put("protocol", protocol.label());
    }

    /** CPU seconds per million messages from two readings, or -1 without a broker pid. */
    static double cpuPerMillion(double cpuBefore, double cpuAfter, long messages) {
        if (cpuBefore < 0 || cpuAfter < 0 || messages == 0) {
            return -1;
        }
        return (cpuAfter - cpuBefore) * 1_000_000.0 / messages;
    }

    @Override
    public void close() {
        connector.close();
    }
}
