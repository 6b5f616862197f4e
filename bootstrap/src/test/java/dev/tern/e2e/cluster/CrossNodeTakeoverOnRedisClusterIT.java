package dev.tern.e2e.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Cluster of three nodes on a Redis Cluster: one owner per client id, takeover across nodes")
class CrossNodeTakeoverOnRedisClusterIT extends CrossNodeTakeover {

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        return SharedRedisCluster.get();
    }
}
