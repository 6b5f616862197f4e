package dev.tern.bootstrap;

import dev.tern.application.event.EventDispatcher;
import dev.tern.application.port.plugin.Lifecycle;
import java.time.Duration;

/**
 * The event dispatch thread as a lifecycle step: stopping hands the listeners what is still
 * queued, for at most a few seconds, so a stuck listener cannot hold the shutdown.
 *
 * <p>Threading: start and stop from the lifecycle thread.
 */
final class DispatcherLifecycle implements Lifecycle {

    private static final Duration DRAIN = Duration.ofSeconds(5);

    private final EventDispatcher dispatcher;

    DispatcherLifecycle(EventDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void start() {
        dispatcher.start();
    }

    @Override
    public void stop() {
        // The dispatcher logs and counts what it could not hand over in time.
        dispatcher.stop(DRAIN);
    }
}
