package dev.tern.bootstrap;

import dev.tern.application.protocol.ProtocolEngine;
import dev.tern.application.service.SessionRestorer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the broker in order: storage (already opened when the graph was built), restore of what
 * it holds, then the listeners; stops in reverse: clients told, listeners closed, pending store
 * writes committed, storage closed.
 *
 * <p>Threading: start and stop are called from one thread (main or the shutdown hook).
 */
public final class BrokerLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLifecycle.class);
    /** How long clients get to receive the shutdown DISCONNECT before the listeners close. */
    private static final long SHUTDOWN_GRACE_MILLIS = 200;
    /** How long pending store writes get to commit at shutdown. */
    private static final long STORAGE_DRAIN_MILLIS = 10_000;

    private final List<Listener> listeners;
    private final ProtocolEngine engine;
    private final OpenedStorage storage;
    private final SessionRestorer restorer;
    private final ScheduledTaskExecutor storageThread;
    private final ScheduledTaskExecutor offlineSessions;
    private final List<Listener> started = new ArrayList<>();
    private boolean stopped;

    @Inject
    BrokerLifecycle(Set<Listener> listeners, ProtocolEngine engine, OpenedStorage storage, SessionRestorer restorer,
            @Named("storage") ScheduledTaskExecutor storageThread, @Named("sessions") ScheduledTaskExecutor offlineSessions) {
        this.engine = engine;
        this.storage = storage;
        this.restorer = restorer;
        this.storageThread = storageThread;
        this.offlineSessions = offlineSessions;
        this.listeners = new ArrayList<>(listeners);
        this.listeners.sort(Comparator.comparing(Listener::name));
    }

    /** Restores and starts every listener; on failure stops what was started and rethrows. */
    public synchronized void start() throws IOException {
        try {
            if (storage.durable()) {
                restorer.restore();
            }
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
        ready.append(", storage ").append(storage.description());
        LOG.info("{}", ready);
    }

    /** Tells connected clients the server is shutting down (MQTT 5: 0x8B), then stops everything. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (!started.isEmpty() && engine.openConnections() > 0) {
            engine.shutdown();
            pause(SHUTDOWN_GRACE_MILLIS);
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).stop();
        }
        started.clear();
        offlineSessions.close();
        try {
            storageThread.shutdown(STORAGE_DRAIN_MILLIS);
            storage.closer().close();
        } catch (Exception e) {
            LOG.error("closing storage {} failed: {}", storage.description(), e.toString());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
