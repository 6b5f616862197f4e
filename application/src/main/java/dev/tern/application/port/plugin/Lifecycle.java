package dev.tern.application.port.plugin;

/**
 * An adapter a provider built that holds threads, files or sockets. The broker starts adapters
 * in this order: storage (opened by its provider), event listeners, authenticators and
 * authorizers, then, after the stored sessions are restored, network listeners; it stops them in
 * the reverse order. An adapter that does not implement this has nothing to start or stop.
 *
 * <p>Threading: start and stop are called once each, from the thread that starts or stops the
 * broker; stop is called even when start failed for a later adapter, never for one whose own
 * start failed.
 */
public interface Lifecycle {

    default void start() throws Exception {
    }

    void stop();
}
