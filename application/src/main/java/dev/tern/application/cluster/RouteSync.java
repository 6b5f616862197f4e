package dev.tern.application.cluster;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.cluster.RouteListener;
import dev.tern.application.port.cluster.RouteTable;
import dev.tern.application.port.out.TaskExecutor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the route table and this node's view of it in step: other nodes' changes go to {@link
 * RemoteRoutes}; after a loss of the backend's connection (and at start) the remote routes are
 * rebuilt from a snapshot of the table, and this node's own routes in the table are set right
 * from {@link LocalRoutes}' counts.
 *
 * <p>Threading: the listener callbacks come on the backend's thread and do not block; the
 * snapshot and the table's calls run on the cluster executor, except the first snapshot, which
 * {@link #start} reads on the starting thread.
 */
public final class RouteSync implements RouteListener {

    private static final Logger LOG = LoggerFactory.getLogger(RouteSync.class);

    private final String nodeId;
    private final RouteTable routes;
    private final RemoteRoutes remote;
    private final LocalRoutes local;
    private final TaskExecutor clusterExecutor;
    private final LogThrottle failureLog;

    public RouteSync(String nodeId, RouteTable routes, RemoteRoutes remote, LocalRoutes local,
            TaskExecutor clusterExecutor, Clock clock) {
        this.nodeId = nodeId;
        this.routes = routes;
        this.remote = remote;
        this.local = local;
        this.clusterExecutor = clusterExecutor;
        this.failureLog = new LogThrottle(clock, Duration.ofMinutes(1));
    }

    /**
     * Starts hearing the table's changes, then builds the remote routes from its snapshot on the
     * calling thread (blocking: call it at start-up, before the restore, so that the wills the
     * restore publishes already reach the other nodes), and queues setting right this node's own
     * routes left in the table by an earlier run.
     */
    public void start() {
        routes.listen(this);
        Map<String, Set<String>> snapshot = rebuildRemote();
        if (snapshot != null) {
            clusterExecutor.execute(() -> local.reconcile(snapshot.getOrDefault(nodeId, Set.of())));
        }
    }

    @Override
    public void added(String node, String filter) {
        remote.added(node, filter);
    }

    @Override
    public void removed(String node, String filter) {
        remote.removed(node, filter);
    }

    @Override
    public void nodeRemoved(String node) {
        remote.nodeRemoved(node);
    }

    /** Queues a rebuild on the cluster executor; also for a node that joined again after losing its lease. */
    @Override
    public void resync() {
        clusterExecutor.execute(this::resyncNow);
    }

    /** On the cluster executor: reads the table once and sets both views right. */
    void resyncNow() {
        Map<String, Set<String>> snapshot = rebuildRemote();
        if (snapshot != null) {
            local.reconcile(snapshot.getOrDefault(nodeId, Set.of()));
        }
    }

    /** Rebuilds the remote routes from a snapshot of the table; returns it, or null when it could not be read. */
    private Map<String, Set<String>> rebuildRemote() {
        remote.beginRebuild();
        Map<String, Set<String>> snapshot;
        try {
            snapshot = routes.snapshot();
        } catch (RuntimeException e) {
            // The next resync (the backend tells when its connection is back) tries again.
            remote.cancelRebuild();
            LogThrottle.Admitted admitted = failureLog.admit();
            if (admitted != null) {
                LOG.warn("could not read the cluster's routes: {}", e.toString());
            }
            return null;
        }
        remote.finishRebuild(snapshot);
        return snapshot;
    }
}
