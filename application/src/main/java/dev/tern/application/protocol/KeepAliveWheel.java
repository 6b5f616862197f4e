package dev.tern.application.protocol;

import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.port.out.TaskExecutor.Cancellable;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * The keep-alive deadlines of every connection on one executor, in a hashed timing wheel: one
 * scheduled task per executor and tick, instead of one per connection. A connection's timer sits
 * in the bucket of the tick its deadline falls in; receiving a packet only records the time, and
 * the deadline is checked lazily when its bucket comes round: a silent connection is closed, a
 * busy one moves to the bucket of its new deadline. A deadline is never acted on before it is due,
 * and at most one tick (plus the executor's own delay) after.
 *
 * <p>Deadlines beyond one turn of the wheel ({@link #BUCKETS} ticks) share buckets with nearer
 * ones; such a timer is passed over until its own tick. The wheel ticks only while it holds
 * timers: when a tick finds it empty it stops and calls {@code onEmpty}, so an executor without
 * keep-alive connections wakes for nothing.
 *
 * <p>Threading: confined to {@code executor}; every method must be called on it.
 */
final class KeepAliveWheel {

    /** How late a deadline may be acted on; ten checks a second per executor while it holds timers. */
    static final long TICK_MILLIS = 100;
    /** One turn covers 102.4 s, more than 1.5 times a 60 s keep alive. */
    static final int BUCKETS = 1024;
    /** The bucket of a timer the running tick has taken out of its bucket and not yet handled. */
    private static final int IN_TRANSIT = -1;

    private final TaskExecutor executor;
    private final Clock clock;
    private final Consumer<KeepAliveWheel> onEmpty;
    private final KeepAliveTimer[] buckets = new KeepAliveTimer[BUCKETS];
    private final Runnable tick = this::tick;
    /** Every tick up to this one has been processed. */
    private long doneTick;
    private int size;
    private Cancellable ticking;

    /** @param onEmpty called on the executor when a tick finds no timer left, after ticking stopped */
    KeepAliveWheel(TaskExecutor executor, Clock clock, Consumer<KeepAliveWheel> onEmpty) {
        this.executor = executor;
        this.clock = clock;
        this.onEmpty = onEmpty;
    }

    Clock clock() {
        return clock;
    }

    /** Watches a timer whose deadline is set; starts ticking if the wheel was idle. */
    void add(KeepAliveTimer timer) {
        if (ticking == null) {
            long now = clock.millis();
            doneTick = Math.floorDiv(now, TICK_MILLIS);
            scheduleNextTick(now);
        }
        place(timer);
        size++;
    }

    /**
     * Stops watching a timer; does nothing if it is not in the wheel. A timer the current tick has
     * taken out of its bucket but not reached yet (a connection closed by another's timeout) is
     * only marked: the tick passes over it.
     */
    void remove(KeepAliveTimer timer) {
        if (timer.inWheel) {
            if (timer.bucket != IN_TRANSIT) {
                unlink(timer);
            }
            timer.inWheel = false;
            size--;
        }
    }

    int size() {
        return size;
    }

    private void tick() {
        long now = clock.millis();
        long nowTick = Math.floorDiv(now, TICK_MILLIS);
        // A late tick catches up, but one turn visits every bucket.
        for (long t = Math.max(doneTick + 1, nowTick - BUCKETS + 1); t <= nowTick; t++) {
            expireDue(Math.floorMod(t, BUCKETS), nowTick, now);
        }
        doneTick = Math.max(doneTick, nowTick);
        if (size == 0) {
            ticking = null;
            onEmpty.accept(this);
        } else {
            scheduleNextTick(now);
        }
    }

    private void expireDue(int bucket, long nowTick, long now) {
        KeepAliveTimer timer = buckets[bucket];
        buckets[bucket] = null;
        // Taken out first: a timeout that closes other connections then cannot touch these links.
        for (KeepAliveTimer t = timer; t != null; t = t.next) {
            t.bucket = IN_TRANSIT;
        }
        while (timer != null) {
            KeepAliveTimer next = timer.next;
            timer.prev = null;
            timer.next = null;
            if (!timer.inWheel) {
                timer = next;
                continue;
            }
            timer.inWheel = false;
            if (timer.dueTick > nowTick) {
                link(timer, bucket);
            } else if (timer.expired(now)) {
                size--;
                timer.fire();
            } else {
                place(timer);
            }
            timer = next;
        }
    }

    private void place(KeepAliveTimer timer) {
        long due = Math.max(Math.floorDiv(timer.deadlineMillis() + TICK_MILLIS - 1, TICK_MILLIS), doneTick + 1);
        timer.dueTick = due;
        link(timer, Math.floorMod(due, BUCKETS));
    }

    private void link(KeepAliveTimer timer, int bucket) {
        KeepAliveTimer head = buckets[bucket];
        timer.bucket = bucket;
        timer.next = head;
        timer.prev = null;
        if (head != null) {
            head.prev = timer;
        }
        buckets[bucket] = timer;
        timer.inWheel = true;
    }

    private void unlink(KeepAliveTimer timer) {
        if (timer.prev != null) {
            timer.prev.next = timer.next;
        } else {
            buckets[timer.bucket] = timer.next;
        }
        if (timer.next != null) {
            timer.next.prev = timer.prev;
        }
        timer.prev = null;
        timer.next = null;
        timer.inWheel = false;
    }

    private void scheduleNextTick(long now) {
        long nextTickStart = (Math.floorDiv(now, TICK_MILLIS) + 1) * TICK_MILLIS;
        ticking = executor.schedule(tick, nextTickStart - now);
    }
}
