package dev.tern.application.port.out;

import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Where the broker registers its meters, whatever library exposes them. Every meter is registered
 * once, when the broker is wired (or, for the connection meters' {@code listener}, when the first
 * client connects through that listener), and kept by whoever counts: nothing is looked up per
 * message.
 *
 * <p>Names are Prometheus-style base names ({@code tern_messages_received}); a backend adds what its
 * format wants (Prometheus: {@code _total} on counters, {@code _seconds} on timers). Tags are
 * alternating keys and values ({@code "qos", "1"}); their values must come from a small fixed set
 * (a QoS, a reason, a protocol version, a configured listener's name), never from a client id, a
 * topic or an address.
 *
 * <p>Threading: registering is thread-safe (mostly done on the wiring thread, but connection meters
 * are registered on an event loop); the returned meters are thread-safe and their
 * updates never block nor allocate. Suppliers are called at scrape time, on the scraping thread:
 * they must be cheap and thread-safe.
 */
public interface MetricsRegistry {

    /** Counts nothing and exposes nothing: the meters it returns do nothing. */
    MetricsRegistry NONE = new MetricsRegistry() {
        @Override
        public Counter counter(String name, String description, String... tags) {
            return Counter.NOOP;
        }

        @Override
        public void functionCounter(String name, String description, LongSupplier total, String... tags) {
        }

        @Override
        public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        }

        @Override
        public Timer timer(String name, String description, String... tags) {
            return Timer.NOOP;
        }

        @Override
        public Histogram histogram(String name, String description, String unit, String... tags) {
            return Histogram.NOOP;
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public String toString() {
            return "MetricsRegistry.NONE";
        }
    };

    /** A monotonic count the caller increments. */
    Counter counter(String name, String description, String... tags);

    /** A monotonic count kept elsewhere (a {@link java.util.concurrent.atomic.LongAdder}), read at scrape. */
    void functionCounter(String name, String description, LongSupplier total, String... tags);

    /** A value that goes up and down, read at scrape. */
    void gauge(String name, String description, DoubleSupplier value, String... tags);

    /** Durations, exposed in seconds with a histogram. */
    Timer timer(String name, String description, String... tags);

    /** Sizes, with a histogram; {@code unit} names them ({@code writes}, {@code bytes}). */
    Histogram histogram(String name, String description, String unit, String... tags);

    /** Whether meters are exposed at all; false for {@link #NONE}, so callers may skip extra work. */
    default boolean enabled() {
        return true;
    }

    /** Thread-safe, contention-free, allocation-free. */
    interface Counter {

        Counter NOOP = new Counter() {
            @Override
            public void increment() {
            }

            @Override
            public void increment(long amount) {
            }
        };

        void increment();

        void increment(long amount);
    }

    /** Thread-safe. */
    interface Timer {

        Timer NOOP = nanos -> {
        };

        void recordNanos(long nanos);
    }

    /** Thread-safe. */
    interface Histogram {

        Histogram NOOP = amount -> {
        };

        void record(double amount);
    }
}
