package dev.tern.application.testing;

import dev.tern.application.port.out.MetricsRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * A {@link MetricsRegistry} that keeps counters and gauges by name and tags (joined with commas,
 * e.g. {@code tern_connectionslistener,tcp,protocol,5}), for tests to read.
 *
 * <p>Threading: not thread-safe; for one test thread.
 */
public final class RecordingRegistry implements MetricsRegistry {

    public final Map<String, AtomicLong> counters = new TreeMap<>();
    public final Map<String, DoubleSupplier> gauges = new TreeMap<>();
    /** How often each tern_connections counter was registered, by name and tags. */
    public final Map<String, Integer> registrations = new TreeMap<>();

    @Override
    public Counter counter(String name, String description, String... tags) {
        AtomicLong count = counters.computeIfAbsent(name + String.join(",", tags), k -> new AtomicLong());
        if (name.equals("tern_connections")) {
            registrations.merge(name + String.join(",", tags), 1, Integer::sum);
        }
        return new Counter() {
            @Override
            public void increment() {
                count.incrementAndGet();
            }

            @Override
            public void increment(long amount) {
                count.addAndGet(amount);
            }
        };
    }

    @Override
    public void functionCounter(String name, String description, LongSupplier total, String... tags) {
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        if (gauges.put(name + String.join(",", tags), value) != null) {
            throw new AssertionError("registered twice: " + name + String.join(",", tags));
        }
    }

    @Override
    public Timer timer(String name, String description, String... tags) {
        return Timer.NOOP;
    }

    @Override
    public Histogram histogram(String name, String description, String unit, String... tags) {
        return Histogram.NOOP;
    }
}
