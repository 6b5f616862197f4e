package dev.tern.application.port.plugin;

import dev.tern.application.port.out.MetricsExposition;
import dev.tern.application.port.out.MetricsRegistry;
import java.util.Objects;

/**
 * What a metrics provider built: the registry the broker's meters go to, how they are read out
 * (when the backend is scraped; {@code null} when it pushes or keeps nothing), and its lifecycle
 * ({@code null} when there is nothing to run).
 */
public record MetricsBackend(MetricsRegistry registry, MetricsExposition exposition, Lifecycle lifecycle) {

    public MetricsBackend {
        Objects.requireNonNull(registry, "registry");
    }

    /** No meters at all. */
    public static final MetricsBackend NONE = new MetricsBackend(MetricsRegistry.NONE, null, null);
}
