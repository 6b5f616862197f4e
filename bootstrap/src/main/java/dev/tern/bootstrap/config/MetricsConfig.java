package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.util.Objects;

/**
 * Which metrics backend the broker's meters go to: the {@code metrics.*} settings that belong to
 * no backend.
 *
 * @param backend the name of a metrics provider; its own settings are under {@code metrics.<backend>.*}
 */
public record MetricsConfig(
        @Setting(defaultValue = "prometheus", description =
                "where the broker's meters go: prometheus (served at the admin listener's /metrics) or none")
        String backend) {

    public MetricsConfig {
        Objects.requireNonNull(backend, "backend");
    }
}
