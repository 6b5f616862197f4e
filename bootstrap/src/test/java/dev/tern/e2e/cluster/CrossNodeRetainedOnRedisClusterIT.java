package dev.tern.e2e.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Cluster of three nodes on a Redis Cluster: retained messages on every node")
class CrossNodeRetainedOnRedisClusterIT extends CrossNodeRetained {

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        return SharedRedisCluster.get();
    }
}
