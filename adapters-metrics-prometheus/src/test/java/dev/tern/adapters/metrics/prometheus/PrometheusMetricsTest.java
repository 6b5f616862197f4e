package dev.tern.adapters.metrics.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.port.plugin.MetricsBackend;
import dev.tern.application.port.plugin.MetricsProvider;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest {

    private final PrometheusMetrics metrics = new PrometheusMetrics(false);

    @AfterEach
    void stop() {
        metrics.stop();
    }

    @Test
    void countersGetTheirTotalSuffixAndTheirTags() {
        MetricsRegistry.Counter zero = metrics.counter("tern_test_messages", "messages", "qos", "0");
        MetricsRegistry.Counter one = metrics.counter("tern_test_messages", "messages", "qos", "1");
        zero.increment();
        zero.increment(4);
        one.increment();

        String text = metrics.scrape();

        assertThat(text).contains("# TYPE tern_test_messages_total counter",
                "tern_test_messages_total{qos=\"0\"} 5.0", "tern_test_messages_total{qos=\"1\"} 1.0");
    }

    @Test
    void functionCountersAndGaugesAreReadAtScrapeTime() {
        AtomicLong total = new AtomicLong();
        AtomicLong level = new AtomicLong();
        metrics.functionCounter("tern_test_dropped", "dropped", total::get, "reason", "queue_full");
        metrics.gauge("tern_test_level", "level", level::get);
        total.set(7);
        level.set(3);

        assertThat(metrics.scrape()).contains("tern_test_dropped_total{reason=\"queue_full\"} 7.0",
                "# TYPE tern_test_level gauge", "tern_test_level 3.0");
        level.set(1);
        assertThat(metrics.scrape()).contains("tern_test_level 1.0");
    }

    @Test
    void timersAreInSecondsWithBucketsAndHistogramsCountWhatTheyRecord() {
        metrics.timer("tern_test_commit", "commit").recordNanos(3_000_000);
        MetricsRegistry.Histogram sizes = metrics.histogram("tern_test_batch", "batch", "writes");
        sizes.record(3);
        sizes.record(5);

        String text = metrics.scrape();

        assertThat(text).contains("# TYPE tern_test_commit_seconds histogram", "tern_test_commit_seconds_count 1",
                "tern_test_commit_seconds_bucket{le=\"0.005\"} 1", "tern_test_commit_seconds_bucket{le=\"0.002\"} 0",
                "tern_test_batch_count 2", "tern_test_batch_sum 8.0", "tern_test_batch_bucket{le=\"4.0\"} 1");
        assertThat(metrics.contentType()).startsWith("text/plain; version=0.0.4");
    }

    @Test
    void jvmMetersWhenAsked() throws Exception {
        PrometheusMetrics withJvm = new PrometheusMetrics(true);
        withJvm.start();
        try {
            assertThat(withJvm.scrape()).contains("jvm_memory_used_bytes", "jvm_threads_live_threads",
                    "jvm_gc_", "process_cpu_usage");
        } finally {
            withJvm.stop();
        }
    }

    @Test
    void theProviderIsFoundAndServesBothPorts() {
        MetricsProvider<?> provider = ServiceLoader.load(MetricsProvider.class).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.name().equals("prometheus")).findFirst().orElseThrow();
        MetricsBackend backend = ((PrometheusMetricsProvider) provider).create(new PrometheusMetricsProvider.Settings(false));

        assertThat(backend.registry()).isSameAs(backend.exposition()).isSameAs(backend.lifecycle());
        backend.lifecycle().stop();
    }
}
