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
 * that published nothing in the interval (subscribers, idle clients) are left alone, and light ones
 * (under {@value #LIGHT_PERCENT}% of the heaviest interval's inbound bytes since the pauses began)
 * only when asked for them: so that a flood stops a flooder, not a client publishing now and then
 * beside it. The reference is the heaviest interval, not the last one, because once the flooder is
 * paused the bystander's few bytes are all there is.
 *
 * <p>Threading: every method runs on the overload monitor's thread; the connections are read
 * through their thread-safe counters and paused by tasks on their own threads. {@link #paused()}
 * may be read from any thread.
 */
final class HeaviestPublishersFirst implements PublisherThrottle {

    /** Below this share of the reference interval's bytes a publisher is light. */
    static final int LIGHT_PERCENT = 1;

    /** Per connection: bytes published when last sampled, and in the last interval. */
    private record Sample(long total, long recent) {
    }

    private final Set<ProtocolConnection> open;
    private final Map<ProtocolConnection, Sample> samples = new HashMap<>();
    private final Set<ProtocolConnection> paused = new HashSet<>();
    /** Inbound bytes of the heaviest interval since the pauses began, or of the last one while none is paused. */
    private long reference;
    private volatile int pausedCount;

    HeaviestPublishersFirst(Set<ProtocolConnection> open) {
        this.open = open;
    }

    @Override
    public void sample() {
        samples.keySet().retainAll(open);
        paused.retainAll(open);
        long interval = 0;
        for (ProtocolConnection connection : open) {
            long total = connection.publishedBytes();
            if (total == 0) {
                // Never published (a subscriber, an idle client): nothing to weigh, and with 10,000
                // subscribers a sample each per check cost this thread more than all the rest.
                continue;
            }
            Sample before = samples.get(connection);
            Sample now = new Sample(total, before == null ? total : total - before.total());
            samples.put(connection, now);
            interval += now.recent();
        }
        reference = paused.isEmpty() ? interval : Math.max(reference, interval);
        pausedCount = paused.size();
    }

    @Override
    public int pauseHeaviest() {
        return pauseHalf(true);
    }

    @Override
    public int pauseLight() {
        return pauseHalf(false);
    }

    private int pauseHalf(boolean heavy) {
        List<Map.Entry<ProtocolConnection, Sample>> active = new ArrayList<>();
        for (Map.Entry<ProtocolConnection, Sample> entry : samples.entrySet()) {
            long recent = entry.getValue().recent();
            if (recent > 0 && isHeavy(recent) == heavy && !paused.contains(entry.getKey())) {
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

    private boolean isHeavy(long recent) {
        return recent * 100 >= reference * LIGHT_PERCENT;
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
