package dev.tern.e2e.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Cluster of three nodes on a Redis Cluster: offline sessions receive from every node")
class CrossNodeOfflineSessionsOnRedisClusterIT extends CrossNodeOfflineSessions {

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        return SharedRedisCluster.get();
    }
}
