package dev.tern.e2e.cluster;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three clustered broker processes ({@code node-1..3}) on one Redis deployment, started once for a
 * test class: each scenario class is run over one {@code redis-server} and over a Redis Cluster by
 * two {@code *IT} subclasses that choose the deployment. Tests share the nodes, so each uses topics
 * and client ids of its own. What each node printed is kept in {@code target/cluster-node-logs/<class>/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ThreeNodeCluster {

    static final int A = 0;
    static final int B = 1;
    static final int C = 2;

    /** Static: JUnit fills a static one before {@code @BeforeAll}, an instance one only before each test. */
    @TempDir
    static Path dir;

    private RedisDeployment redis;
    TernNodes nodes;

    /** The Redis deployment the nodes share, started in {@code dir}. */
    abstract RedisDeployment deploy(Path dir) throws Exception;

    @BeforeAll
    void startNodes() throws Exception {
        redis = deploy(dir.resolve("redis"));
        nodes = TernNodes.clustered(redis, 3, nodeSettings());
    }

    /** Settings ({@code key=value}) every node gets besides the cluster's; none by default. */
    String[] nodeSettings() {
        return new String[0];
    }

    @AfterAll
    void stopNodes() throws Exception {
        try {
            if (nodes != null) {
                nodes.close();
                nodes.keepOutputs(Path.of("target", "cluster-node-logs", getClass().getSimpleName()));
            }
        } finally {
            if (redis != null) {
                redis.close();
            }
        }
    }

    /** The {@code storage.*} settings of the nodes' Redis deployment. */
    List<String> redisSettings() {
        return redis.storageSettings();
    }

    int port(int node) {
        return nodes.port(node);
    }
}
