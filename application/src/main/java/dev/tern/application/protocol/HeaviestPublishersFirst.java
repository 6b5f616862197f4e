package dev.tern.application.protocol;

import dev.tern.application.overload.PublisherThrottle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Overload protection's hold on the engine's connections: it samples how many PUBLISH payload bytes
 * each connection sent since the last check, and pauses the heaviest publishers first. Connections
 * that published nothing in the interval (subscribers, idle clients) are left alone.
 *
 * <p>Threading: every method runs on the overload monitor's thread; the connections are read
 * through their thread-safe counters and paused by tasks on their own threads. {@link #paused()}
 * may be read from any thread.
 */
final class HeaviestPublishersFirst implements PublisherThrottle {

    /** Per connection: bytes published when last sampled, and in the last interval. */
    private record Sample(long total, long recent) {
    }

    private final Set<ProtocolConnection> open;
    private final Map<ProtocolConnection, Sample> samples = new HashMap<>();
    private final Set<ProtocolConnection> paused = new HashSet<>();
    private volatile int pausedCount;

    HeaviestPublishersFirst(Set<ProtocolConnection> open) {
        this.open = open;
    }

    @Override
    public void sample() {
        samples.keySet().retainAll(open);
        paused.retainAll(open);
        for (ProtocolConnection connection : open) {
            long total = connection.publishedBytes();
            Sample before = samples.get(connection);
            samples.put(connection, new Sample(total, before == null ? total : total - before.total()));
        }
        pausedCount = paused.size();
    }

    @Override
    public int pauseHeaviest() {
        List<Map.Entry<ProtocolConnection, Sample>> active = new ArrayList<>();
        for (Map.Entry<ProtocolConnection, Sample> entry : samples.entrySet()) {
            if (entry.getValue().recent() > 0 && !paused.contains(entry.getKey())) {
                active.add(entry);
            }
        }
        active.sort(Comparator.comparingLong((Map.Entry<ProtocolConnection, Sample> e) -> e.getValue().recent())
                .reversed());
        int count = active.isEmpty() ? 0 : Math.max(1, (active.size() + 1) / 2);
        for (int i = 0; i < count; i++) {
            ProtocolConnection connection = active.get(i).getKey();
            connection.overloaded(true);
            paused.add(connection);
        }
        pausedCount = paused.size();
        return count;
    }

    @Override
    public int resumeAll() {
        int count = paused.size();
        for (ProtocolConnection connection : paused) {
            connection.overloaded(false);
        }
        paused.clear();
        pausedCount = 0;
        return count;
    }

    @Override
    public int paused() {
        return pausedCount;
    }
}
