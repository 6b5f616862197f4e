package dev.tern.bootstrap.metrics;

import dev.tern.application.event.EventDispatcher;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.protocol.ConnectionMeters;
import dev.tern.application.protocol.ProtocolEngine;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;

/**
 * The gauges read from the broker's own structures at scrape time, registered once at wiring:
 * nothing on the message path changes for them.
 *
 * <p>In-flight and queued messages are summed over the sessions by the scraping thread, without
 * the sessions' executors: each session's size is read as it is at that moment, so the sum is
 * approximate under load (and costs one pass over the sessions per scrape).
 */
public final class BrokerGauges {

    private BrokerGauges() {
    }

    public static void register(MetricsRegistry metrics, ProtocolEngine engine, SessionRegistry sessions,
            SubscriptionIndex subscriptions, RetainedMessages retained, ConnectionMeters connections) {
        if (!metrics.enabled()) {
            return;
        }
        metrics.gauge("tern_network_connections", "open network connections, CONNECT received or not",
                engine::openConnections);
        metrics.gauge("tern_retained_messages", "retained messages held", retained::size);
        metrics.gauge("tern_subscriptions", "subscriptions, shared ones included", subscriptions::size);
        metrics.gauge("tern_sessions", "sessions: online (connected) or offline (persistent, kept for a client)",
                connections::connected, "state", "online");
        metrics.gauge("tern_sessions", "sessions: online (connected) or offline (persistent, kept for a client)",
                () -> Math.max(0, sessions.size() - connections.connected()), "state", "offline");
        metrics.gauge("tern_inflight_messages", "outbound QoS 1/2 messages sent and not yet acknowledged (approximate)",
                () -> inflight(sessions));
        metrics.gauge("tern_queued_messages", "messages queued for sessions beyond their in-flight window (approximate)",
                () -> queued(sessions));
    }

    /** What became of the broker events: {@code tern_events{outcome}}, when there are event listeners. */
    public static void registerEvents(MetricsRegistry metrics, EventDispatcher dispatcher) {
        String help = "broker events: delivered to the listeners, dropped (queue full or stopped), listener failures";
        metrics.functionCounter("tern_events", help, () -> dispatcher.counts().delivered(), "outcome", "delivered");
        metrics.functionCounter("tern_events", help, () -> dispatcher.counts().dropped(), "outcome", "dropped");
        metrics.functionCounter("tern_events", help, () -> dispatcher.counts().listenerFailures(),
                "outcome", "listener_failure");
    }

    private static long inflight(SessionRegistry sessions) {
        long sum = 0;
        for (ClientSession session : sessions.all()) {
            sum += session.state().inflightCount();
        }
        return sum;
    }

    private static long queued(SessionRegistry sessions) {
        long sum = 0;
        for (ClientSession session : sessions.all()) {
            sum += session.state().queuedCount();
        }
        return sum;
    }
}
