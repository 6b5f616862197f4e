package dev.tern.adapters.metrics.prometheus;

import dev.tern.application.port.out.MetricsExposition;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.plugin.Lifecycle;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * The metrics port on Micrometer's Prometheus registry. Counters are Micrometer counters (an
 * adder each, no allocation per increment); gauges and function counters read their supplier at
 * scrape time. Timers and histograms publish a small fixed set of buckets rather than Micrometer's
 * ~70 percentile buckets, to keep the exposition short.
 *
 * <p>Threading: thread-safe.
 */
final class PrometheusMetrics implements MetricsRegistry, MetricsExposition, Lifecycle {

    /** Prometheus text format 0.0.4, what every Prometheus version scrapes. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Duration[] COMMIT_BUCKETS = {Duration.ofNanos(100_000), Duration.ofNanos(500_000),
            Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1)};
    private static final double[] SIZE_BUCKETS = {1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** Micrometer holds gauge and function counter sources weakly: these keep them alive. */
    private final List<Object> sources = new CopyOnWriteArrayList<>();
    private final boolean jvm;
    private JvmGcMetrics gc;

    PrometheusMetrics(boolean jvm) {
        this.jvm = jvm;
    }

    @Override
    public void start() {
        if (jvm) {
            new JvmMemoryMetrics().bindTo(registry);
            gc = new JvmGcMetrics();
            gc.bindTo(registry);
            new JvmThreadMetrics().bindTo(registry);
            new ClassLoaderMetrics().bindTo(registry);
            new ProcessorMetrics().bindTo(registry);
            new UptimeMetrics().bindTo(registry);
        }
    }

    @Override
    public void stop() {
        if (gc != null) {
            gc.close();
        }
        registry.close();
    }

    @Override
    public MetricsRegistry.Counter counter(String name, String description, String... tags) {
        io.micrometer.core.instrument.Counter counter = io.micrometer.core.instrument.Counter.builder(name).description(description).tags(Tags.of(tags)).register(registry);
        return new MetricsRegistry.Counter() {
            @Override
            public void increment() {
                counter.increment();
            }

            @Override
            public void increment(long amount) {
                counter.increment(amount);
            }
        };
    }

    @Override
    public void functionCounter(String name, String description, LongSupplier total, String... tags) {
        sources.add(total);
        FunctionCounter.builder(name, total, LongSupplier::getAsLong).description(description).tags(Tags.of(tags))
                .register(registry);
    }

    @Override
    public void gauge(String name, String description, DoubleSupplier value, String... tags) {
        sources.add(value);
        Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(description).tags(Tags.of(tags))
                .strongReference(true).register(registry);
    }

    @Override
    public MetricsRegistry.Timer timer(String name, String description, String... tags) {
        io.micrometer.core.instrument.Timer timer = io.micrometer.core.instrument.Timer.builder(name).description(description).tags(Tags.of(tags))
                .serviceLevelObjectives(COMMIT_BUCKETS).register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public MetricsRegistry.Histogram histogram(String name, String description, String unit, String... tags) {
        DistributionSummary summary = DistributionSummary.builder(name).description(description + " (" + unit + ")")
                .tags(Tags.of(tags)).serviceLevelObjectives(SIZE_BUCKETS).register(registry);
        return summary::record;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public String scrape() {
        return registry.scrape();
    }
}
