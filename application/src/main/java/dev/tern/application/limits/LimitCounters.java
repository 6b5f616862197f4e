package dev.tern.application.limits;

import dev.tern.application.port.out.MetricsRegistry;
import java.util.concurrent.atomic.LongAdder;

/**
 * How often each resource limit refused, dropped, held back or evicted something, exposed as
 * {@code tern_limits_exceeded{limit}}.
 * One adder increment per refusal, no allocation.
 *
 * <p>Threading: thread-safe; increments are contention-free.
 */
public final class LimitCounters {

    /** The limits counted, each a {@code limit} label value. */
    public enum Limit {
        SUBSCRIPTIONS("subscriptions"),
        TOPIC_LENGTH("topic_length"),
        TOPIC_LEVELS("topic_levels"),
        CLIENT_ID_LENGTH("client_id_length"),
        QUEUED_BYTES("queued_bytes"),
        INFLIGHT_BYTES("inflight_bytes"),
        RETAINED_REFUSED("retained_refused"),
        RETAINED_EVICTED("retained_evicted");

        private final String label;

        Limit(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final LongAdder[] counts = new LongAdder[Limit.values().length];

    public LimitCounters() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    public void register(MetricsRegistry registry) {
        for (Limit limit : Limit.values()) {
            registry.functionCounter("tern_limits_exceeded",
                    "refusals, drops, holds and evictions at a resource limit (limits.* settings)", counts[limit.ordinal()]::sum,
                    "limit", limit.label());
        }
    }

    public void hit(Limit limit) {
        counts[limit.ordinal()].increment();
    }

    public long count(Limit limit) {
        return counts[limit.ordinal()].sum();
    }
}
