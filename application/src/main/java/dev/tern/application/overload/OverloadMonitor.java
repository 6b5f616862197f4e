package dev.tern.application.overload;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.MetricsRegistry.Counter;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.port.out.TaskExecutor.Cancellable;
import java.time.Clock;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Overload protection. Every check interval, and at once after a garbage collection that leaves
 * the live heap above its high-water mark, it reads the live heap and the storage writer's
 * backlog; when either reaches its high-water mark it engages: it stops reading from the
 * heaviest half of the active publishers, and from the heaviest half of the rest at each check
 * while still above the mark, so the biggest producers stop first and, should the pressure last,
 * every publisher stops in turn. Once both figures are below their low-water marks it resumes every
 * connection it paused. Subscribers that only acknowledge are never paused: their acknowledgements
 * are what frees memory. Each episode is logged once when it begins and once when it ends, and
 * counted ({@code tern_overload_episodes}); {@code tern_overload_active} and {@code
 * tern_overload_paused_connections} show the current state.
 *
 * <p>Threading: checks run on {@code executor}, one at a time; {@link #start} and {@link #stop}
 * from the broker's life-cycle thread; the gauges are read from any thread.
 */
public final class OverloadMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(OverloadMonitor.class);
    /** While overloaded, how often the heap figure is refreshed. */
    static final long REFRESH_MILLIS = 1_000;

    private final OverloadSettings settings;
    private final HeapGauge heap;
    private final LongSupplier backlog;
    private final PublisherThrottle throttle;
    private final TaskExecutor executor;
    private final Clock clock;
    private final Counter episodes;
    private volatile boolean engaged;
    private volatile boolean stopped;
    private Cancellable next;
    private Runnable collectionListener = () -> { };
    private long engagedAt;
    private long lastRefresh;

    /** @param backlog store writes not yet committed (0 for a store that is not durable) */
    public OverloadMonitor(OverloadSettings settings, HeapGauge heap, LongSupplier backlog, PublisherThrottle throttle,
            TaskExecutor executor, Clock clock, MetricsRegistry metrics) {
        this.settings = settings;
        this.heap = heap;
        this.backlog = backlog;
        this.throttle = throttle;
        this.executor = executor;
        this.clock = clock;
        this.episodes = metrics.counter("tern_overload_episodes",
                "times overload protection engaged (heap or storage backlog above its high-water mark)");
        metrics.gauge("tern_overload_active", "1 while overload protection holds publishers paused, else 0",
                () -> engaged ? 1 : 0);
        metrics.gauge("tern_overload_paused_connections", "connections not read from because of overload",
                throttle::paused);
    }

    public void start() {
        collectionListener = heap.onCollection(live -> {
            if (!stopped && live * 100 >= settings.heapHighPercent()) {
                executor.execute(this::evaluate);
            }
        });
        executor.execute(this::check);
    }

    public void stop() {
        stopped = true;
        collectionListener.run();
        executor.execute(() -> {
            if (next != null) {
                next.cancel();
            }
        });
    }

    public boolean engaged() {
        return engaged;
    }

    /**
     * The periodic check: samples the publishers (so that "heaviest" means the most bytes in one
     * interval, also for the checks a collection triggers in between), evaluates, schedules the next.
     */
    private void check() {
        if (stopped) {
            return;
        }
        throttle.sample();
        evaluate();
        next = executor.schedule(this::check, settings.checkIntervalMillis());
    }

    /** Reads heap and backlog and acts on them; also run at once after a collection above the high-water mark. */
    private void evaluate() {
        if (stopped) {
            return;
        }
        int heapPercent = (int) Math.round(heap.liveFraction() * 100);
        long writes = backlog.getAsLong();
        boolean above = heapPercent >= settings.heapHighPercent()
                || (settings.backlogHigh() > 0 && writes >= settings.backlogHigh());
        if (!engaged && above) {
            engage(heapPercent, writes);
        }
        if (engaged) {
            boolean below = heapPercent < settings.heapLowPercent()
                    && (settings.backlogHigh() == 0 || writes < settings.backlogLow());
            if (below) {
                disengage(heapPercent, writes);
            } else {
                if (above) {
                    throttle.pauseHeaviest();
                }
                refreshHeap();
            }
        }
    }

    private void engage(int heapPercent, long writes) {
        engaged = true;
        engagedAt = clock.millis();
        lastRefresh = engagedAt;
        episodes.increment();
        LOG.warn("Overload: live heap {}% (high-water {}%), storage backlog {} writes (high-water {}): "
                + "pausing publishers, heaviest first", heapPercent, settings.heapHighPercent(), writes,
                settings.backlogHigh() == 0 ? "none" : settings.backlogHigh());
    }

    private void disengage(int heapPercent, long writes) {
        int resumed = throttle.resumeAll();
        engaged = false;
        LOG.info("Overload over after {} ms: live heap {}%, storage backlog {} writes; resumed {} publishers",
                clock.millis() - engagedAt, heapPercent, writes, resumed);
    }

    private void refreshHeap() {
        long now = clock.millis();
        if (now - lastRefresh >= REFRESH_MILLIS) {
            lastRefresh = now;
            heap.refresh();
        }
    }
}
