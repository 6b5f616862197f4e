package dev.tern.bootstrap.metrics;

import dev.tern.application.port.plugin.MetricsBackend;
import dev.tern.application.port.plugin.MetricsProvider;
import dev.tern.application.port.plugin.NoSettings;

/**
 * {@code metrics.backend=none}: no meters are registered and {@code /metrics} answers 404.
 *
 * <p>Threading: as every provider, used on the starting thread.
 */
public final class NoMetricsProvider implements MetricsProvider<NoSettings> {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public String description() {
        return "no metrics";
    }

    @Override
    public Class<NoSettings> settingsType() {
        return NoSettings.class;
    }

    @Override
    public MetricsBackend create(NoSettings settings) {
        return MetricsBackend.NONE;
    }
}
