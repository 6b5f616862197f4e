package dev.tern.testkit.cluster;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Takes what a backend reported, waiting a bounded time for it: backends report on their own
 * threads, some after a network hop. A test that expects nothing more sends a marker after and
 * checks that the marker comes next, rather than waiting for a silence.
 *
 * <p>Threading: a helper for the test thread.
 */
final class Awaited {

    static final Duration WAIT = Duration.ofSeconds(10);

    private Awaited() {
    }

    /** The next item, failing the test if none comes within {@link #WAIT}. */
    static <T> T next(BlockingQueue<T> queue, String what) {
        try {
            T item = queue.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                throw new AssertionError("no " + what + " within " + WAIT);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + what, e);
        }
    }
}
