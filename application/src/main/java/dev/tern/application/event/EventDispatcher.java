package dev.tern.application.event;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.BrokerEventListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands broker events to the listeners on one dispatch thread of its own, through a bounded
 * queue, so that the event loops that emit never wait for a listener: when the queue is full the
 * new event is dropped and counted. A listener that throws is counted and logged (its first
 * failure, then at most one line a minute with how many followed) and the other listeners still
 * get the event. Events reach the listeners in the order they were queued, so the events of one
 * client, which are emitted on that client's executor, keep their order.
 *
 * <p>Only for a broker with listeners: without any, use {@link BrokerEvents#NONE}.
 *
 * <p>Threading: {@link #emit} and {@link #counts} from any thread. {@link #start} and {@link
 * #stop} from the thread that runs the broker's life cycle, never from a listener. Listeners are
 * called on the dispatch thread only, one event at a time.
 */
public final class EventDispatcher implements BrokerEvents {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);
    /** How long an idle dispatch thread waits before it looks whether it was asked to stop. */
    private static final long IDLE_WAIT_MILLIS = 100;
    static final Duration FAILURE_LOG_INTERVAL = Duration.ofMinutes(1);

    private final List<BrokerEventListener> listeners;
    private final List<LogThrottle> failureLogs;
    private final BlockingQueue<BrokerEvent> queue;
    private final ThreadFactory threadFactory;
    private final LongAdder delivered = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder listenerFailures = new LongAdder();
    /** Set by stop: the thread drains what is queued, then ends. */
    private volatile boolean stopping;
    /** Set when stop's time is up: the thread ends after the listener call it is in. */
    private volatile boolean abandoned;
    /** Set by the dispatch thread as it ends: nothing emitted later can be delivered. */
    private volatile boolean finished;
    private Thread thread;

    /**
     * @param capacity      events that may wait for the listeners; more are dropped
     * @param threadFactory makes the one dispatch thread
     * @param clock         paces the failure log
     */
    public EventDispatcher(List<BrokerEventListener> listeners, int capacity, ThreadFactory threadFactory,
            Clock clock) {
        if (listeners.isEmpty()) {
            throw new IllegalArgumentException("no listener: use BrokerEvents.NONE");
        }
        this.listeners = List.copyOf(listeners);
        this.failureLogs = listeners.stream().map(l -> new LogThrottle(clock, FAILURE_LOG_INTERVAL)).toList();
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.threadFactory = threadFactory;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    /** Queues the event, or drops and counts it when the queue is full; never blocks. */
    @Override
    public void emit(BrokerEvent event) {
        if (finished || !queue.offer(event)) {
            dropped.increment();
        }
    }

    /** Starts the dispatch thread; events emitted before wait in the queue. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = threadFactory.newThread(this::run);
        thread.start();
    }

    /**
     * Delivers what is queued, then ends the dispatch thread, waiting at most {@code timeout}:
     * a listener that takes longer is interrupted and the events still queued are dropped and
     * counted. Events emitted meanwhile are delivered if they make it before the queue is empty.
     * Returns the number of events dropped this way.
     */
    public synchronized int stop(Duration timeout) {
        stopping = true;
        if (thread != null) {
            try {
                thread.join(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                abandoned = true;
                thread.interrupt();
            }
        }
        finished = true;
        int left = queue.size();
        queue.clear();
        dropped.add(left);
        if (left > 0) {
            LOG.warn("event listeners did not finish within {} ms: {} events dropped", timeout.toMillis(), left);
        }
        return left;
    }

    public EventCounts counts() {
        return new EventCounts(delivered.sum(), dropped.sum(), listenerFailures.sum());
    }

    private void run() {
        try {
            while (!abandoned) {
                // Once stopping, only what is already queued: an empty queue ends the thread.
                BrokerEvent event = stopping ? queue.poll() : queue.poll(IDLE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
                if (event != null) {
                    dispatch(event);
                } else if (stopping) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            // stop gave up waiting; the events left are counted there.
            Thread.currentThread().interrupt();
        } finally {
            finished = true;
        }
    }

    private void dispatch(BrokerEvent event) {
        for (int i = 0; i < listeners.size(); i++) {
            try {
                listeners.get(i).onEvent(event);
            } catch (Exception | LinkageError e) {
                // A plug-in's fault (a bug, a missing class) must not cost the other listeners the event.
                listenerFailures.increment();
                logFailure(i, event, e);
            }
        }
        delivered.increment();
    }

    private void logFailure(int index, BrokerEvent event, Throwable failure) {
        LogThrottle.Admitted admitted = failureLogs.get(index).admit();
        if (admitted == null) {
            return;
        }
        String listener = listeners.get(index).getClass().getName();
        String kind = event.getClass().getSimpleName();
        if (admitted.hasUnlogged()) {
            LOG.warn("event listener {} failed on {}; {} more failures of it since {} not logged", listener, kind,
                    admitted.count(), admitted.since(), failure);
        } else {
            LOG.warn("event listener {} failed on {}", listener, kind, failure);
        }
    }
}
