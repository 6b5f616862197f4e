package dev.tern.adapters.storage.redis;

import dev.tern.adapters.storage.redis.ForwardFormat.Frame;
import dev.tern.adapters.storage.redis.ForwardFormat.MessageFrame;
import dev.tern.adapters.storage.redis.ForwardFormat.RetainedFrame;
import dev.tern.adapters.storage.redis.ForwardFormat.SignalFrame;
import dev.tern.application.port.cluster.ForwardReceiver;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands what arrives on this node's channels to the receiver: at-most-once messages (their
 * {@code settled} does nothing: nothing is kept for them), signals, and other nodes' retained
 * changes (this node's own come back on the shared channel and are skipped). An unreadable frame
 * is logged and dropped.
 *
 * <p>Threading: called on Redisson's pub/sub threads, in order per channel; stateless otherwise.
 */
final class FrameDispatch {

    private static final Logger LOG = LoggerFactory.getLogger(FrameDispatch.class);
    private static final Runnable NOTHING_TO_SETTLE = () -> { };

    private final String nodeId;
    private final ForwardReceiver receiver;
    private final Clock clock;

    FrameDispatch(String nodeId, ForwardReceiver receiver, Clock clock) {
        this.nodeId = nodeId;
        this.receiver = receiver;
        this.clock = clock;
    }

    void accept(String channel, byte[] bytes) {
        Frame frame;
        try {
            frame = ForwardFormat.frame(bytes, channel, clock);
        } catch (RuntimeException e) {
            LOG.warn("Dropping an unreadable frame on {}: {}", channel, e.getMessage());
            return;
        }
        // Java 17 has no pattern matching for switch; the chain covers the sealed type's three kinds.
        if (frame instanceof MessageFrame message) {
            receiver.message(message.message(), NOTHING_TO_SETTLE);
        } else if (frame instanceof SignalFrame signal) {
            receiver.signal(signal.signal());
        } else {
            RetainedFrame retained = (RetainedFrame) frame;
            if (!retained.origin().equals(nodeId)) {
                receiver.retained(retained.message());
            }
        }
    }
}
