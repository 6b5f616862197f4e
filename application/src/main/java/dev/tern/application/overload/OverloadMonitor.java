package dev.tern.application.overload;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.out.MetricsRegistry.Counter;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.port.out.TaskExecutor.Cancellable;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Overload protection. Every check interval, and at once after a garbage collection that leaves
 * the live heap above its high-water mark, it reads the live heap and the storage writer's
 * backlog; when either reaches its high-water mark it engages: it stops reading from the
 * heaviest half of the heavy publishers, and escalates to the heaviest half of the rest at a later
 * check only while a figure above its mark has not fallen since the last escalation: once it
 * falls, the pauses made are enough. Light publishers (see {@link PublisherThrottle}) are paused
 * last, only when no heavy one is left and the figure still did not fall a check after the last
 * heavy one was paused, as measured: a backlog that rose, or a live heap that a collection since
 * showed no lower. Once both figures are below their low-water marks it resumes every
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
    /** The figures at the last escalation; the first escalation of an episode has none to compare with. */
    private boolean escalated;
    private int heapAtEscalation;
    private long backlogAtEscalation;
    /** Collections seen, counted on the JVM's notification thread; and how many at the last escalation. */
    private final AtomicLong collections = new AtomicLong();
    private long collectionsAtEscalation;
    /** Whether the last escalation paused heavy publishers: their pauses get one check to show. */
    private boolean pausedHeavyLast;

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
            collections.incrementAndGet();
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
                if (above && notFalling(heapPercent, writes)) {
                    escalate(heapPercent, writes);
                }
                refreshHeap();
            }
        }
    }

    private void engage(int heapPercent, long writes) {
        engaged = true;
        engagedAt = clock.millis();
        lastRefresh = engagedAt;
        escalated = false;
        pausedHeavyLast = false;
        episodes.increment();
        LOG.warn("Overload: live heap {}% (high-water {}%), storage backlog {} writes (high-water {}): "
                + "pausing publishers, heaviest first", heapPercent, settings.heapHighPercent(), writes,
                settings.backlogHigh() == 0 ? "none" : settings.backlogHigh());
    }

    /**
     * Whether a figure above its high-water mark is still where it was at the last escalation or
     * higher. The live heap only changes with a collection, so until one runs it reads as not falling.
     * The backlog must have risen: it falls in steps, a whole group commit at a time, so between two
     * commits it stands still even once nothing more comes in, and on a busy machine a commit can
     * take longer than two checks. Standing still then means the pauses made stopped the inflow;
     * read as "not falling" it paused a light publisher beside the flood for the rest of the episode.
     */
    private boolean notFalling(int heapPercent, long writes) {
        if (!escalated) {
            return true;
        }
        boolean heapAbove = heapPercent >= settings.heapHighPercent();
        boolean backlogAbove = settings.backlogHigh() > 0 && writes >= settings.backlogHigh();
        return (heapAbove && heapPercent >= heapAtEscalation) || (backlogAbove && writes > backlogAtEscalation);
    }

    private void escalate(int heapPercent, long writes) {
        boolean measured = measuredNotFalling(writes);
        int heavy = throttle.pauseHeaviest();
        if (heavy == 0 && !pausedHeavyLast && measured) {
            throttle.pauseLight();
        }
        pausedHeavyLast = heavy > 0;
        escalated = true;
        heapAtEscalation = heapPercent;
        backlogAtEscalation = writes;
        collectionsAtEscalation = collections.get();
    }

    /**
     * Whether "not falling" was measured rather than assumed: the backlog rose, or a collection
     * ran since the last escalation (without one the live heap reads as it was, whatever was
     * freed). Heavy publishers are paused on the assumption, since a small heap fills faster than
     * a collection shows it; light ones only on a measurement: without a collection nothing is
     * allocating much, and the monitor asks for one within a second ({@link #refreshHeap}).
     */
    private boolean measuredNotFalling(long writes) {
        if (!escalated) {
            return true;
        }
        boolean backlogRose = settings.backlogHigh() > 0 && writes >= settings.backlogHigh()
                && writes > backlogAtEscalation;
        return backlogRose || collections.get() > collectionsAtEscalation;
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
