package dev.tern.testkit.cluster;

import dev.tern.application.port.cluster.ClusterBackend;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The hooks shared by the cluster contracts. A subclass per backend gives each test a fresh,
 * empty deployment ({@link #startCluster}) and joins nodes to it, each node its own backend
 * instance as on its own machine. Leases are either {@link #LONG_LEASE}, which no test lets pass,
 * or {@link #SHORT_LEASE}, which {@link #letShortLeasesPass} lets pass (a controlled clock moving
 * on, or real time going by).
 *
 * <p>Threading: JUnit runs each test on one thread; the race tests start others.
 */
public abstract class ClusterContract {

    /** A lease no test outlives. */
    protected static final Duration LONG_LEASE = Duration.ofSeconds(60);
    /** A lease {@link #letShortLeasesPass} lets pass. */
    protected static final Duration SHORT_LEASE = Duration.ofMillis(300);

    /** A fresh, empty deployment for the test about to run. */
    protected abstract void startCluster();

    /** A node joining the test's deployment: a new backend instance (not yet renewed). */
    protected abstract ClusterBackend join(String nodeId, Duration lease);

    /** Lets every {@link #SHORT_LEASE} renewed so far pass, and no {@link #LONG_LEASE}. */
    protected abstract void letShortLeasesPass();

    /** Closes what the test's nodes and deployment hold. */
    protected void stopCluster() {
    }

    @BeforeEach
    final void start() {
        startCluster();
    }

    @AfterEach
    final void stop() {
        stopCluster();
    }

    /** A node with a {@link #LONG_LEASE}. */
    protected final ClusterBackend join(String nodeId) {
        return join(nodeId, LONG_LEASE);
    }
}
