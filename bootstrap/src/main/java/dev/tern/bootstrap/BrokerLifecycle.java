package dev.tern.bootstrap;

import dev.tern.application.protocol.ProtocolEngine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the broker's listeners (storage first once it exists, listeners last) and stops them in
 * reverse order.
 *
 * <p>Threading: start and stop are called from one thread (main or the shutdown hook).
 */
public final class BrokerLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLifecycle.class);

    /** How long clients get to receive the shutdown DISCONNECT before the listeners close. */
    private static final long SHUTDOWN_GRACE_MILLIS = 200;

    private final List<Listener> listeners;
    private final ProtocolEngine engine;
    private final List<Listener> started = new ArrayList<>();

    @Inject
    BrokerLifecycle(Set<Listener> listeners, ProtocolEngine engine) {
        this.engine = engine;
        this.listeners = new ArrayList<>(listeners);
        this.listeners.sort(Comparator.comparing(Listener::name));
    }

    /** Starts every listener; on failure stops those already started and rethrows. */
    public synchronized void start() throws IOException {
        try {
            for (Listener listener : listeners) {
                listener.start();
                started.add(listener);
            }
        } catch (IOException | RuntimeException e) {
            stop();
            throw e;
        }
        StringBuilder ready = new StringBuilder("Tern ready:");
        for (Listener listener : started) {
            ready.append(' ').append(listener.name()).append(' ').append(listener.address());
        }
        LOG.info("{}", ready);
    }

    /** Tells connected clients the server is shutting down (MQTT 5: 0x8B), then stops listeners. */
    public synchronized void stop() {
        if (!started.isEmpty() && engine.openConnections() > 0) {
            engine.shutdown();
            try {
                Thread.sleep(SHUTDOWN_GRACE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
    }

    /** The bound port of the named listener, for tests and embedding. */
    public synchronized int port(String listenerName) {
        for (Listener listener : started) {
            if (listener.name().equals(listenerName)) {
                return listener.port();
            }
        }
        throw new IllegalStateException("no started listener named " + listenerName);
    }
}
