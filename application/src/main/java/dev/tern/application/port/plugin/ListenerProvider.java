package dev.tern.application.port.plugin;

import dev.tern.application.port.in.ConnectionAcceptor;

/**
 * A kind of network listener (transport). Each listener instance is configured under
 * {@code listeners.<instance>.*}: an instance named like a provider ({@code listeners.tcp.*}) is
 * of that kind; any other name says its kind with {@code listeners.<instance>.type}, so that one
 * broker may run several listeners of a kind. {@code listeners.<instance>.enabled} switches one
 * on or off, defaulting to {@link #enabledByDefault()}.
 */
public interface ListenerProvider<S extends Record> extends Provider<S> {

    /** Whether the instance named like this provider runs when nothing says otherwise. */
    boolean enabledByDefault();

    /**
     * Builds an unstarted listener that hands each new connection to {@code acceptor}.
     *
     * @throws IllegalArgumentException when the settings cannot serve (a key file missing, say)
     */
    NetworkListener create(String instanceName, S settings, ConnectionAcceptor acceptor);

    /**
     * Builds an unstarted listener that asks {@code context.admission()} about each connection it
     * accepts, before any work on it, and hands those admitted to {@code context.acceptor()}. The
     * broker calls this one.
     *
     * <p>A default so that listeners written before the connection limits keep compiling: it
     * ignores the limits, so such a listener's connections are neither limited nor counted in the
     * broker-wide maximum. Listeners should override it.
     *
     * @throws IllegalArgumentException when the settings cannot serve
     */
    default NetworkListener create(String instanceName, S settings, ListenerContext context) {
        return create(instanceName, settings, context.acceptor());
    }
}
