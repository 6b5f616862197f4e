package dev.tern.adapters.storage.redis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis Cluster for tests ({@link RedisCluster}: three primaries on free ports), started
 * once per test run and stopped when it ends. Without {@code redis-server} or {@code redis-cli}
 * the tests fail, naming the install command; they never skip.
 *
 * <p>Use: {@code @RegisterExtension static final ClusterExtension CLUSTER = new ClusterExtension();}
 * Tests share the cluster, so each uses a key prefix of its own.
 *
 * <p>Threading: JUnit calls {@link #beforeAll} on its own thread; the accessors are safe after it.
 */
public final class ClusterExtension implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ClusterExtension.class);

    private volatile RedisCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Stored in the root context: one cluster for the whole run, closed when the run ends.
        cluster = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(RedisCluster.class, type -> RedisCluster.start(), RedisCluster.class);
    }

    /** The Redisson YAML configuration ({@code clusterServersConfig}) naming every node. */
    public Path redissonConfig() {
        return started().redissonConfig();
    }

    /** A client to each primary, to look at what the stores wrote; the caller closes them. */
    List<RespClient> primaries() {
        List<RespClient> clients = new ArrayList<>();
        for (int port : started().ports()) {
            clients.add(RespClient.connect("redis://127.0.0.1:" + port));
        }
        return clients;
    }

    /** Settings for a store in the cluster under {@code prefix}. */
    RedisStorageSettings settings(String prefix) {
        return new RedisStorageSettings(null, prefix, 0, null, null, redissonConfig());
    }

    private RedisCluster started() {
        if (cluster == null) {
            throw new IllegalStateException("register ClusterExtension with @RegisterExtension on a static field");
        }
        return cluster;
    }
}
