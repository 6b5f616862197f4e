package dev.tern.application.port.plugin;

import dev.tern.application.port.out.Authorizer;

/**
 * A way to decide what clients may publish, subscribe to and read, chosen by
 * {@code security.authorizer=<name>}; its settings live under {@code security.<name>.*}. What it
 * builds may implement {@link Lifecycle}.
 */
public interface AuthorizerProvider<S extends Record> extends Provider<S> {

    /** @throws IllegalArgumentException when the settings cannot serve */
    Authorizer create(S settings);
}
