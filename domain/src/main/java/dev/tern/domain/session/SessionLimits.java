package dev.tern.domain.session;

import dev.tern.domain.delivery.InflightWindow;
import dev.tern.domain.delivery.OutboundQueue;
import dev.tern.domain.delivery.OverflowPolicy;

/**
 * The bounds of a session's in-flight window and queue. One value is built from the settings and
 * shared by every session of the broker, so that a session which never queues or sends at QoS 1/2
 * carries one reference instead of a window and a queue of its own.
 *
 * @param inflightCapacity messages in flight before the broker queues, 1..65535; a connection's
 *                         Receive Maximum may lower it ({@link Session#setInflightCapacity})
 * @param maxInflightBytes bytes of the messages in flight, besides {@code inflightCapacity}
 * @param queueLimit       messages queued beyond the in-flight window
 * @param maxQueuedBytes   bytes queued beyond the in-flight window, besides {@code queueLimit}
 * @param overflowPolicy   what a full queue does with one more message
 */
public record SessionLimits(int inflightCapacity, long maxInflightBytes, int queueLimit, long maxQueuedBytes,
        OverflowPolicy overflowPolicy) {

    /** Checked here, once, by the rules the window and the queue apply when they are made. */
    public SessionLimits {
        InflightWindow.requireCapacity(inflightCapacity);
        InflightWindow.requireByteLimit(maxInflightBytes);
        OutboundQueue.requireBounds(queueLimit, maxQueuedBytes, overflowPolicy);
    }

    /** Bounds in messages only, no byte bound on either. */
    public SessionLimits(int inflightCapacity, int queueLimit, OverflowPolicy overflowPolicy) {
        this(inflightCapacity, OutboundQueue.UNBOUNDED_BYTES, queueLimit, OutboundQueue.UNBOUNDED_BYTES, overflowPolicy);
    }
}
