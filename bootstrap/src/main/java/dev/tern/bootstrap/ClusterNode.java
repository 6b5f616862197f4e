package dev.tern.bootstrap;

import dev.tern.application.cluster.ClusterMembership;
import dev.tern.application.cluster.ForwardingReceiver;
import dev.tern.application.cluster.RouteSync;
import dev.tern.application.port.cluster.ClusterBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts and stops the cluster side of a node (docs/cluster.md): the route table sync, membership
 * (the lease, then adoption of departed nodes and of this node's own orphans), then receiving
 * forwarded messages, after the retained messages are restored and before any listener opens.
 * Stops after the listeners closed and the storage writer drained: queued releases finish,
 * receiving stops (the backend closes), the lease is given up (the others adopt what this node
 * still owns), the threads stop.
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

    /**
     * Routes first, so that wills published by the first adoption round reach the other nodes;
     * then the lease and that round (departed nodes, this node's own orphans); receiving starts on
     * the sessions thread after the round, so that messages left for this node by its earlier run
     * find the sessions they are for.
     */
    void start() {
        routeSync.start();
        membership.start();
        threads.sessions().execute(() -> backend.forwarding().receive(receiver));
    }

    /**
     * Queued claims, handovers and releases finish (they may still signal other nodes); then
     * receiving stops, before the lease is given up, so that this node and its adopter never read
     * its inbox at once; then the threads stop.
     */
    void stop() {
        shutdown(threads.sessions());
        try {
            backend.close();
        } catch (RuntimeException e) {
            LOG.warn("closing the cluster backend failed: {}", e.toString());
        }
        shutdown(threads.routing());
        membership.stop();
        shutdown(threads.lease());
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
