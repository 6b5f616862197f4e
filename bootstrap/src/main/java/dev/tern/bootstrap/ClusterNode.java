package dev.tern.bootstrap;

import dev.tern.application.cluster.ClusterMembership;
import dev.tern.application.cluster.ForwardingReceiver;
import dev.tern.application.cluster.RouteSync;
import dev.tern.application.port.cluster.ClusterBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the cluster side of a node (docs/cluster.md): membership (the lease, then
 * adoption of departed nodes and of this node's own orphans), the route table sync, then receiving
 * forwarded messages, after the retained messages are restored and before any listener opens.
 * Stops after the listeners closed and the storage writer drained: queued releases finish, the
 * lease is given up (the others adopt what this node still owns), the threads stop. The backend
 * itself is closed by {@link BrokerLifecycle} just before storage.
 *
 * <p>Threading: {@link #start} and {@link #stop} are called once each, from the start and stop thread.
 */
final class ClusterNode {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);
    /** How long queued claims and releases get to finish at stop. */
    private static final long DRAIN_MILLIS = 5_000;

    private final ClusterBackend backend;
    private final ClusterMembership membership;
    private final RouteSync routeSync;
    private final ForwardingReceiver receiver;
    private final ClusterThreads threads;

    ClusterNode(ClusterBackend backend, ClusterMembership membership, RouteSync routeSync,
            ForwardingReceiver receiver, ClusterThreads threads) {
        this.backend = backend;
        this.membership = membership;
        this.routeSync = routeSync;
        this.receiver = receiver;
        this.threads = threads;
    }

    void start() {
        membership.start();
        routeSync.start();
        backend.forwarding().receive(receiver);
    }

    void stop() {
        shutdown(threads.sessions());
        membership.stop();
        shutdown(threads.lease());
        shutdown(threads.routing());
    }

    private static void shutdown(ScheduledTaskExecutor executor) {
        try {
            executor.shutdownDroppingTimers(DRAIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("interrupted while stopping the cluster threads");
        } catch (RuntimeException e) {
            LOG.warn("stopping a cluster thread failed: {}", e.toString());
        }
    }
}
