package dev.tern.application.embedded;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs subscription callbacks on the client's callback thread, one message at a time in arrival
 * order, and only then lets the message be acknowledged: a slow callback holds QoS 1/2 messages
 * unacknowledged, and the broker stops at the client's Receive Maximum. QoS 0 messages have no
 * such limit, so the bytes waiting here are counted: above the high-water mark the channel turns
 * unwritable and the broker queues by its own limits; at half of it, writable again. A callback
 * that throws is logged, and the message is acknowledged all the same: redelivering it to the same
 * callback would most likely fail again.
 *
 * <p>Threading: {@link #deliver} on the connection thread; callbacks and {@code afterwards} on
 * the callback thread; {@link #stop} from any thread.
 */
final class CallbackDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackDispatcher.class);
    /** Counted per message on top of its bytes, so that empty payloads still add up. */
    private static final int MESSAGE_OVERHEAD = 64;

    private final Executor callbackThread;
    private final InProcessChannel channel;
    private final long highWaterBytes;
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean stopped;

    CallbackDispatcher(Executor callbackThread, InProcessChannel channel, long highWaterBytes) {
        this.callbackThread = callbackThread;
        this.channel = channel;
        this.highWaterBytes = highWaterBytes;
    }

    void deliver(List<Consumer<InProcessMessage>> callbacks, InProcessMessage message, Runnable afterwards) {
        long weight = MESSAGE_OVERHEAD + message.payload().length + message.topic().length();
        if (backlog.addAndGet(weight) > highWaterBytes) {
            channel.setWritable(false);
        }
        callbackThread.execute(() -> {
            try {
                if (!stopped) {
                    callbacks.forEach(callback -> run(callback, message));
                }
            } finally {
                if (backlog.addAndGet(-weight) <= highWaterBytes / 2) {
                    channel.setWritable(true);
                }
            }
            afterwards.run();
        });
    }

    /** The connection ended: messages still waiting are not handed to callbacks any more. */
    void stop() {
        stopped = true;
    }

    private static void run(Consumer<InProcessMessage> callback, InProcessMessage message) {
        try {
            callback.accept(message);
        } catch (RuntimeException e) {
            LOG.error("subscription callback failed on a message to {}; acknowledged anyway", message.topic(), e);
        }
    }
}
