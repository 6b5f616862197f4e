package dev.tern.bootstrap;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.in.ConnectionAcceptor;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.Lifecycle;
import dev.tern.application.port.plugin.NetworkListener;
import dev.tern.application.protocol.ProtocolEngine;
import dev.tern.application.service.SessionRestorer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the broker in order: storage (already opened by its provider), the adapters with a
 * lifecycle (event dispatcher, metrics, event listeners, then security), the admin listeners
 * (liveness answers from here on), the restore of what storage holds, the {@code $SYS} publisher,
 * then the network listeners; then it is ready. The cluster backend, when clustering is on, was
 * opened with storage, before the restore; a cluster node restores only retained messages, then
 * starts its {@link ClusterNode}. Stops in reverse: {@code $SYS} stopped, not ready any more,
 * clients told, listeners closed, pending store writes committed, the cluster node stopped (it
 * closes the backend and gives its lease up), adapters stopped, admin listeners closed, storage
 * closed (the backend too, if the node never started).
 *
 * <p>Threading: start and stop are called from one thread (main or the shutdown hook).
 */
final class BrokerLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLifecycle.class);
    /** How long clients get to receive the shutdown DISCONNECT before the listeners close. */
    private static final long SHUTDOWN_GRACE_MILLIS = 200;
    /** How long pending store writes get to commit at shutdown. */
    private static final long STORAGE_DRAIN_MILLIS = 10_000;

    private final Storage storage;
    private final Optional<ClusterBackend> cluster;
    private final List<Lifecycle> adapters;
    private final BrokerComponent core;
    private final Lifecycle sysTopics;
    private final List<NetworkListener> listeners;
    private final List<NetworkListener> adminListeners;
    private final BrokerReadiness readiness;
    private final List<NetworkListener> startedAdminListeners = new ArrayList<>();
    private final List<Lifecycle> startedAdapters = new ArrayList<>();
    private final List<NetworkListener> startedListeners = new ArrayList<>();
    private boolean sysStarted;
    private boolean clusterStarted;
    private boolean stopped;

    /**
     * @param adapters  in start order
     * @param sysTopics the {@code $SYS} publisher, started after the restore; null when there is none
     */
    BrokerLifecycle(Storage storage, Optional<ClusterBackend> cluster, List<Lifecycle> adapters, BrokerComponent core,
            Lifecycle sysTopics, List<NetworkListener> listeners, List<NetworkListener> adminListeners,
            BrokerReadiness readiness) {
        this.cluster = cluster;
        this.adminListeners = List.copyOf(adminListeners);
        this.readiness = readiness;
        this.storage = storage;
        this.adapters = List.copyOf(adapters);
        this.core = core;
        this.sysTopics = sysTopics;
        this.listeners = List.copyOf(listeners);
    }

    /** Starts everything; on failure stops what was started, closes storage and rethrows. */
    synchronized void start() throws IOException {
        try {
            for (Lifecycle adapter : adapters) {
                adapter.start();
                startedAdapters.add(adapter);
            }
            for (NetworkListener admin : adminListeners) {
                admin.start();
                startedAdminListeners.add(admin);
            }
            if (storage.durable()) {
                SessionRestorer restorer = core.restorer();
                Optional<ClusterNode> clusterNode = core.clusterNode();
                if (clusterNode.isPresent()) {
                    // A node restores no session: it loads its clients' sessions as they connect,
                    // and adopts those of departed nodes (its own orphans included) as it joins.
                    restorer.restoreRetained();
                    clusterNode.get().start();
                    clusterStarted = true;
                } else {
                    restorer.restore();
                }
            }
            if (sysTopics != null) {
                sysTopics.start();
                sysStarted = true;
            }
            readiness.restored();
            for (NetworkListener listener : listeners) {
                listener.start();
                startedListeners.add(listener);
            }
            readiness.listening();
        } catch (Exception e) {
            stop();
            if (e instanceof IOException io) {
                throw io;
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getMessage(), e);
        }
        StringBuilder ready = new StringBuilder("Tern ready:");
        for (NetworkListener listener : startedListeners) {
            ready.append(' ').append(listener.name()).append(' ').append(listener.address());
        }
        for (NetworkListener admin : startedAdminListeners) {
            ready.append(' ').append(admin.name()).append(' ').append(admin.address());
        }
        ready.append(", storage ").append(storage.description());
        cluster.ifPresent(node -> ready.append(", cluster node ").append(node.nodeId()));
        LOG.info("{}", ready);
    }

    /** Tells connected clients the server is shutting down (MQTT 5: 0x8B), then stops everything. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (sysStarted) {
            stopQuietly(sysTopics::stop, "$SYS topics");
            sysStarted = false;
        }
        readiness.stopping();
        ProtocolEngine engine = core.engine();
        if (!startedListeners.isEmpty() && engine.openConnections() > 0) {
            engine.shutdown();
            pause(SHUTDOWN_GRACE_MILLIS);
        }
        for (int i = startedListeners.size() - 1; i >= 0; i--) {
            stopQuietly(startedListeners.get(i)::stop, startedListeners.get(i).name());
        }
        startedListeners.clear();
        core.offlineSessions().close();
        try {
            core.storageThread().shutdown(STORAGE_DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while committing pending writes to {}", storage.description());
        } catch (RuntimeException e) {
            LOG.error("committing pending writes to {} failed: {}", storage.description(), e.toString());
        }
        boolean clusterClosed = clusterStarted;
        if (clusterStarted) {
            // Closes the backend itself, before it gives the lease up.
            stopQuietly(core.clusterNode().orElseThrow()::stop, "cluster node");
            clusterStarted = false;
        }
        for (int i = startedAdapters.size() - 1; i >= 0; i--) {
            stopQuietly(startedAdapters.get(i)::stop, startedAdapters.get(i).getClass().getName());
        }
        startedAdapters.clear();
        for (int i = startedAdminListeners.size() - 1; i >= 0; i--) {
            stopQuietly(startedAdminListeners.get(i)::stop, startedAdminListeners.get(i).name());
        }
        startedAdminListeners.clear();
        if (!clusterClosed) {
            cluster.ifPresent(node -> stopQuietly(node::close, "cluster node " + node.nodeId()));
        }
        stopQuietly(storage::close, "storage " + storage.description());
    }

    private static void stopQuietly(Runnable stop, String what) {
        try {
            stop.run();
        } catch (RuntimeException e) {
            LOG.error("stopping {} failed: {}", what, e.toString());
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
    synchronized int port(String listenerName) {
        for (NetworkListener listener : startedListeners) {
            if (listener.name().equals(listenerName)) {
                return listener.port();
            }
        }
        for (NetworkListener admin : startedAdminListeners) {
            if (admin.name().equals(listenerName)) {
                return admin.port();
            }
        }
        throw new IllegalStateException("no started listener named " + listenerName);
    }

    /** Where in-process clients connect, as the network listeners do. */
    ConnectionAcceptor acceptor() {
        return core.engine();
    }

    synchronized List<String> listenerNames() {
        return startedListeners.stream().map(NetworkListener::name).toList();
    }
}
