package dev.tern.e2e.cluster;

import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;

@DisplayName("Cluster of three nodes on one redis-server: retained messages on every node")
class CrossNodeRetainedIT extends CrossNodeRetained {

    @Override
    RedisDeployment deploy(Path dir) throws Exception {
        return SingleRedis.start(dir);
    }
}
