package dev.tern.application.port.in.admin;

import java.util.function.Consumer;

/**
 * Live views of the messages routed to a topic filter, for an administrator watching the broker.
 * A watch is an in-process subscription of the broker, so the filter matches exactly as for a
 * client's SUBSCRIBE (wildcards, and a filter starting with a wildcard does not match {@code $}
 * topics); it ends when closed.
 *
 * <p>Threading: thread-safe; {@link #open} may block its caller briefly (until the subscription
 * is acknowledged), so callers are admin worker threads, never an MQTT event loop. The sink is
 * called on one thread of the watch's own, one message at a time; it must not block.
 */
public interface TopicWatches {

    /** Refuses every watch: for an admin listener without a broker behind it. */
    TopicWatches NONE = (filter, sink) -> new WatchStart.Refused("watching is not available");

    /**
     * Subscribes to {@code filter}; {@link WatchStart.Rejected} (field {@code filter}) for a filter
     * that is not valid, {@link WatchStart.Refused} when the broker refuses the subscription.
     */
    WatchStart open(String filter, Consumer<WatchedMessage> sink);
}
