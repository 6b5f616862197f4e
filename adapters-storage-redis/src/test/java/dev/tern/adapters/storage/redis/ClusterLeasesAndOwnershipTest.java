package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.testkit.cluster.NodeLeasesContract;
import dev.tern.testkit.cluster.SessionOwnershipContract;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster contracts on a real three-primary Redis Cluster. Leases pass in real time (Redis expires
 * them on its own clock): the short lease is 300 ms, and letting it pass waits a little longer.
 */
class ClusterLeasesAndOwnershipTest {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    @Nested
    class Leases extends NodeLeasesContract {
        private NodesUnderTest nodes;

        @Override
        protected void startCluster() {
            nodes = new NodesUnderTest(CLUSTER::settings);
        }

        @Override
        protected ClusterBackend join(String nodeId, Duration lease) {
            return nodes.join(nodeId, lease).cluster();
        }

        @Override
        protected void letShortLeasesPass() {
            RealTime.letPass(SHORT_LEASE);
        }

        @Override
        protected void stopCluster() {
            nodes.close();
        }
    }

    @Nested
    class Ownership extends SessionOwnershipContract {
        private NodesUnderTest nodes;

        @Override
        protected void startCluster() {
            nodes = new NodesUnderTest(CLUSTER::settings);
        }

        @Override
        protected ClusterBackend join(String nodeId, Duration lease) {
            return nodes.join(nodeId, lease).cluster();
        }

        @Override
        protected void letShortLeasesPass() {
            RealTime.letPass(SHORT_LEASE);
        }

        @Override
        protected void stopCluster() {
            nodes.close();
        }
    }
}
