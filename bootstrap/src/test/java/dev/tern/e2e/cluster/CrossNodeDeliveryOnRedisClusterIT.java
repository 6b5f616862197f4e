package dev.tern.e2e.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Cluster of three nodes on a Redis Cluster: publish on one node, receive on another")
class CrossNodeDeliveryOnRedisClusterIT extends CrossNodeDelivery {

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        return SharedRedisCluster.get();
    }
}
