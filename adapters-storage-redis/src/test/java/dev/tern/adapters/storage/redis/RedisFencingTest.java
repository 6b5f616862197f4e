package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.Storage;
import dev.tern.testkit.cluster.FencedStorageContract;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fencing of the stores by session ownership, two nodes on one real {@code redis-server}. */
class RedisFencingTest extends FencedStorageContract {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private NodesUnderTest nodes;

    @Override
    protected void startDeployment() {
        nodes = NodesUnderTest.on(REDIS);
    }

    @Override
    protected FencedNode join(String nodeId) {
        NodesUnderTest.Node node = nodes.join(nodeId, Duration.ofSeconds(60));
        return new FencedNode(node.storage(), node.cluster().ownership());
    }

    @Override
    protected Storage observer() {
        return nodes.observer();
    }

    @Override
    protected void stopDeployment() {
        nodes.close();
    }

    @Override
    protected Class<? extends RuntimeException> refusal() {
        return FencedWriteException.class;
    }
}
