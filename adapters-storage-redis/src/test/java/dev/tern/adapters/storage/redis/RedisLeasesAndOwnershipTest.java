package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.testkit.cluster.NodeLeasesContract;
import dev.tern.testkit.cluster.SessionOwnershipContract;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster contracts on one real {@code redis-server}. Leases pass in real time (Redis expires
 * them on its own clock): the short lease is 300 ms, and letting it pass waits a little longer.
 */
class RedisLeasesAndOwnershipTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Nested
    class Leases extends NodeLeasesContract {
        private NodesUnderTest nodes;

        @Override
        protected void startCluster() {
            nodes = NodesUnderTest.on(REDIS);
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
            nodes = NodesUnderTest.on(REDIS);
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
