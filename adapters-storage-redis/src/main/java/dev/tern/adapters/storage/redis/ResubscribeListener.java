package dev.tern.adapters.storage.redis;

import java.util.concurrent.atomic.AtomicBoolean;
import org.redisson.api.listener.StatusListener;

/**
 * Runs an action each time Redisson subscribes a channel AGAIN: after its pub/sub connection was
 * lost and re-established (a Redis restart, a failover, a network cut, a killed connection),
 * Redisson resubscribes every channel it had and reports {@code onSubscribe} once more. What was
 * published on the channel in between is lost, so the action tells the listener to resync. The
 * first subscribe is the initial one and runs nothing: register this listener before the message
 * listener, so that it sees that first subscribe.
 *
 * <p>Threading: Redisson calls it on its own threads; the action must not block.
 */
final class ResubscribeListener implements StatusListener {

    private final AtomicBoolean subscribedOnce = new AtomicBoolean();
    private final Runnable onResubscribe;

    ResubscribeListener(Runnable onResubscribe) {
        this.onResubscribe = onResubscribe;
    }

    @Override
    public void onSubscribe(String channel) {
        if (!subscribedOnce.compareAndSet(false, true)) {
            onResubscribe.run();
        }
    }

    @Override
    public void onUnsubscribe(String channel) {
        // Nothing to do: the resubscribe that follows a loss is what matters.
    }
}
