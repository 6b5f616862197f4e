package dev.tern.application.port.plugin;

import dev.tern.application.port.out.BrokerEventListener;

/**
 * An extension that follows what happens in the broker. Every provider found runs unless
 * {@code plugins.<name>.enabled=false}; its settings live under {@code plugins.<name>.*}. What it
 * builds may implement {@link Lifecycle}.
 */
public interface EventListenerProvider<S extends Record> extends Provider<S> {

    BrokerEventListener create(S settings);
}
