package dev.tern.e2e.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Cluster of three nodes on one redis-server: one owner per client id, takeover across nodes")
class CrossNodeTakeoverIT extends CrossNodeTakeover {

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        return SingleRedis.start(dir);
    }
}
