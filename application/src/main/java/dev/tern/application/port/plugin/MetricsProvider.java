package dev.tern.application.port.plugin;

/**
 * A metrics backend, chosen by {@code metrics.backend=<name>}; its settings live under
 * {@code metrics.<name>.*}. {@code none} is built in and registers nothing.
 */
public interface MetricsProvider<S extends Record> extends Provider<S> {

    /** @throws IllegalArgumentException when the settings cannot serve */
    MetricsBackend create(S settings);
}
