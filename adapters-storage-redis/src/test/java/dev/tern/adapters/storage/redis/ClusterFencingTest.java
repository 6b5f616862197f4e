package dev.tern.adapters.storage.redis;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Fencing on a real three-primary Redis Cluster: each client's fenced script runs in its own slot. */
class ClusterFencingTest extends FencingScenarios {

    @RegisterExtension
    static final ClusterExtension CLUSTER = new ClusterExtension();

    @Override
    protected NodesUnderTest nodes() {
        return new NodesUnderTest(CLUSTER::settings);
    }
}
