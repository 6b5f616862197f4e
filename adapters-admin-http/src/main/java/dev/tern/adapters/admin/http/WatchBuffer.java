package dev.tern.adapters.admin.http;

import dev.tern.application.port.in.admin.WatchedMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The messages one watcher has not been sent yet: at most {@code capacity}, the oldest dropped
 * (and counted) when a new one does not fit, each payload cut to {@value #MAX_PAYLOAD} bytes, so
 * a watcher holds at most {@code capacity} times that however fast the topic is.
 *
 * <p>Threading: thread-safe; one thread offers (the watch's callback thread), one takes (the
 * stream's thread), either may close.
 */
final class WatchBuffer {

    static final int MAX_PAYLOAD = 8 * 1024;

    /** What a take got: messages in order, how many were dropped before them, and whether the watch ended. */
    record Batch(List<Entry> messages, long dropped, boolean closed) {

        boolean isEmpty() {
            return messages.isEmpty() && dropped == 0;
        }
    }

    /** A message as kept: its payload perhaps cut, with the size it had. */
    record Entry(WatchedMessage message, int size) {

        boolean truncated() {
            return message.payload().length < size;
        }
    }

    private final int capacity;
    private final ArrayDeque<Entry> messages;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long dropped;
    private boolean closed;

    WatchBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        this.messages = new ArrayDeque<>(Math.min(capacity, 64));
    }

    void offer(WatchedMessage message) {
        byte[] payload = message.payload();
        Entry entry = new Entry(payload.length <= MAX_PAYLOAD ? message : new WatchedMessage(message.topic(),
                message.qos(), message.retain(), Arrays.copyOf(payload, MAX_PAYLOAD), message.at()), payload.length);
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (messages.size() == capacity) {
                messages.removeFirst();
                dropped++;
            }
            messages.addLast(entry);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code timeoutMillis} for a message, a drop or the end, then takes all there is. */
    Batch take(long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            while (messages.isEmpty() && dropped == 0 && !closed && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            Batch batch = new Batch(new ArrayList<>(messages), dropped, closed);
            messages.clear();
            dropped = 0;
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the watch: a waiting take returns at once; later offers are ignored. */
    void close() {
        lock.lock();
        try {
            closed = true;
            messages.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
