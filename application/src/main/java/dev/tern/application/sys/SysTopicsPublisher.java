package dev.tern.application.sys;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the broker's figures under {@code $SYS/broker/}, with Mosquitto's names and meanings,
 * every interval: retained, QoS 0, through the broker's publish path (so subscriptions, retained
 * messages and the authorizer's read rules apply). As Mosquitto does, a topic is published only
 * when its value changed since it was last published (all of them at start), and the load
 * averages are exponentially decayed rates per minute over 1, 5 and 15 minutes, computed from the
 * counters at each tick and published when they moved by 0.01 or more.
 *
 * <p>Threading: {@link #start} and {@link #stop} from any thread; the ticks run on the executor.
 */
public final class SysTopicsPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(SysTopicsPublisher.class);
    static final String PREFIX = "$SYS/broker/";
    /** The windows of the load averages, in seconds, and their topic suffixes. */
    private static final int[] WINDOWS = {60, 300, 900};
    private static final String[] WINDOW_NAMES = {"1min", "5min", "15min"};

    private final BrokerStatistics statistics;
    private final Consumer<ApplicationMessage> publish;
    private final TaskExecutor executor;
    private final Clock clock;
    private final long intervalMillis;
    private final String version;
    /** The counters that have load averages, by the topic part after {@code load/}. */
    private final Map<String, ToLongFunction<BrokerStatistics>> loadSources = new LinkedHashMap<>();
    private final Map<String, Long> lastCounts = new HashMap<>();
    private final Map<String, double[]> loads = new HashMap<>();
    private final Map<String, String> published = new HashMap<>();
    private long startMillis;
    private long lastTickMillis;
    private boolean loadsPublished;
    private TaskExecutor.Cancellable next;
    private boolean stopped;

    /**
     * @param intervalSeconds how often the figures are published; at least 1
     * @param version         what {@code $SYS/broker/version} says after {@code tern }
     */
    public SysTopicsPublisher(BrokerStatistics statistics, Consumer<ApplicationMessage> publish,
            TaskExecutor executor, Clock clock, long intervalSeconds, String version) {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("interval must be at least 1 s: " + intervalSeconds);
        }
        this.statistics = statistics;
        this.publish = publish;
        this.executor = executor;
        this.clock = clock;
        this.intervalMillis = intervalSeconds * 1000;
        this.version = version;
        loadSources.put("messages/received", BrokerStatistics::messagesReceived);
        loadSources.put("messages/sent", BrokerStatistics::messagesSent);
        loadSources.put("publish/received", BrokerStatistics::publishReceived);
        loadSources.put("publish/sent", BrokerStatistics::publishSent);
        loadSources.put("publish/dropped", BrokerStatistics::publishDropped);
        loadSources.put("bytes/received", BrokerStatistics::bytesReceived);
        loadSources.put("bytes/sent", BrokerStatistics::bytesSent);
        loadSources.put("connections", BrokerStatistics::connections);
    }

    /** Publishes every figure at once (on the executor), then every interval. */
    public synchronized void start() {
        startMillis = clock.millis();
        executor.execute(this::tick);
    }

    /** No tick after this one returns (a tick running now finishes). */
    public synchronized void stop() {
        stopped = true;
        if (next != null) {
            next.cancel();
        }
    }

    private void tick() {
        synchronized (this) {
            if (stopped) {
                return;
            }
        }
        try {
            publishFigures(clock.millis());
        } catch (RuntimeException e) {
            LOG.warn("publishing the $SYS topics failed; trying again in {} ms", intervalMillis, e);
        }
        synchronized (this) {
            if (!stopped) {
                next = executor.schedule(this::tick, intervalMillis);
            }
        }
    }

    void publishFigures(long now) {
        BrokerStatistics s = statistics;
        long connected = s.clientsConnected();
        long total = Math.max(s.sessions(), connected);
        publishIfChanged("version", "tern " + version);
        publishIfChanged("uptime", (now - startMillis) / 1000 + " seconds");
        publishIfChanged("clients/connected", connected);
        publishIfChanged("clients/active", connected);
        publishIfChanged("clients/disconnected", total - connected);
        publishIfChanged("clients/inactive", total - connected);
        publishIfChanged("clients/total", total);
        publishIfChanged("clients/maximum", s.clientsMaximum());
        publishIfChanged("messages/received", s.messagesReceived());
        publishIfChanged("messages/sent", s.messagesSent());
        publishIfChanged("publish/messages/received", s.publishReceived());
        publishIfChanged("publish/messages/sent", s.publishSent());
        publishIfChanged("publish/messages/dropped", s.publishDropped());
        publishIfChanged("bytes/received", s.bytesReceived());
        publishIfChanged("bytes/sent", s.bytesSent());
        publishIfChanged("retained messages/count", s.retainedMessages());
        publishIfChanged("subscriptions/count", s.subscriptions());
        updateLoads(now);
        lastTickMillis = now;
    }

    /**
     * Mosquitto's load: the rate per minute since the last tick, {@code r}, folded into each
     * average {@code L} as {@code L' = r + e^(-dt/window) * (L - r)}. The first tick only records
     * the counts; the loads appear from the second on.
     */
    private void updateLoads(long now) {
        boolean first = lastCounts.isEmpty();
        double seconds = (now - lastTickMillis) / 1000.0;
        for (Map.Entry<String, ToLongFunction<BrokerStatistics>> source : loadSources.entrySet()) {
            long count = source.getValue().applyAsLong(statistics);
            Long before = lastCounts.put(source.getKey(), count);
            if (first || before == null || seconds <= 0) {
                continue;
            }
            double perMinute = (count - before) * 60.0 / seconds;
            double[] averages = loads.computeIfAbsent(source.getKey(), k -> new double[WINDOWS.length]);
            for (int w = 0; w < WINDOWS.length; w++) {
                double decay = Math.exp(-seconds / WINDOWS[w]);
                double updated = perMinute + decay * (averages[w] - perMinute);
                String topic = "load/" + source.getKey() + "/" + WINDOW_NAMES[w];
                if (!loadsPublished || Math.abs(updated - averages[w]) >= 0.01) {
                    publish(topic, String.format(Locale.ROOT, "%.2f", updated));
                }
                averages[w] = updated;
            }
        }
        if (!first && seconds > 0) {
            loadsPublished = true;
        }
    }

    private void publishIfChanged(String name, long value) {
        publishIfChanged(name, Long.toString(value));
    }

    private void publishIfChanged(String name, String value) {
        if (!value.equals(published.get(name))) {
            publish(name, value);
        }
    }

    private void publish(String name, String value) {
        published.put(name, value);
        publish.accept(ApplicationMessage.of(PREFIX + name, value.getBytes(StandardCharsets.UTF_8),
                Qos.AT_MOST_ONCE, true));
    }
}
