package dev.tern.adapters.metrics.prometheus;

import dev.tern.application.port.plugin.MetricsBackend;
import dev.tern.application.port.plugin.MetricsProvider;
import dev.tern.application.port.plugin.Setting;

/**
 * {@code metrics.backend=prometheus} (the default): the broker's meters in a Micrometer Prometheus
 * registry, read out as Prometheus text by the admin listener's {@code /metrics}.
 *
 * <p>Threading: as every provider, used on the starting thread.
 */
public final class PrometheusMetricsProvider implements MetricsProvider<PrometheusMetricsProvider.Settings> {

    /** @param jvm whether JVM meters (memory, GC, threads, class loading, CPU) are registered too */
    public record Settings(
            @Setting(defaultValue = "true", description = "whether JVM memory, GC, thread, class loading and CPU "
                    + "meters are exposed too")
            boolean jvm) {
    }

    @Override
    public String name() {
        return "prometheus";
    }

    @Override
    public String description() {
        return "Prometheus text exposition through Micrometer";
    }

    @Override
    public Class<Settings> settingsType() {
        return Settings.class;
    }

    @Override
    public MetricsBackend create(Settings settings) {
        PrometheusMetrics metrics = new PrometheusMetrics(settings.jvm());
        return new MetricsBackend(metrics, metrics, metrics);
    }
}
