package dev.tern.application.admission;

import dev.tern.application.port.in.Admission.Limit;
import dev.tern.application.port.out.MetricsRegistry;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * One listener's connection limit meters, registered when its gate is made: connections open now
 * (admitted at accept, not yet closed, with or without an MQTT session), connections refused at
 * accept by which limit, and pauses of accepting for the listener's rate. The counts themselves
 * are adders read at scrape, so they are exact whatever the metrics backend.
 *
 * <p>Threading: thread-safe; counting is one adder increment.
 */
final class AdmissionMeters {

    private final String listenerName;
    private final MetricsRegistry metrics;
    private final LongAdder[] refused = new LongAdder[Limit.values().length];
    private final LongAdder pauses = new LongAdder();

    AdmissionMeters(String listenerName, MetricsRegistry metrics) {
        this.listenerName = listenerName;
        this.metrics = metrics;
        for (Limit limit : Limit.values()) {
            LongAdder count = new LongAdder();
            refused[limit.ordinal()] = count;
            metrics.functionCounter("tern_connections_refused",
                    "network connections closed at accept by a connection limit, before any TLS or MQTT",
                    count::sum, "listener", listenerName, "limit", label(limit));
        }
        metrics.functionCounter("tern_accept_pauses",
                "times a listener stopped accepting for its max-connections-per-second", pauses::sum,
                "listener", listenerName);
    }

    static String label(Limit limit) {
        return limit.name().toLowerCase(Locale.ROOT);
    }

    void openGauge(AtomicInteger open) {
        metrics.gauge("tern_connections_open",
                "network connections open now, from accept to close (with or without CONNECT), by listener",
                open::get, "listener", listenerName);
    }

    void refused(Limit limit) {
        refused[limit.ordinal()].increment();
    }

    long refusedCount(Limit limit) {
        return refused[limit.ordinal()].sum();
    }

    void paused() {
        pauses.increment();
    }
}
