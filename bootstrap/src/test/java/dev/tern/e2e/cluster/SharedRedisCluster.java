package dev.tern.e2e.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@link RedisClusterDeployment} for every test class of the test JVM that asks for it:
 * starting three primaries and joining them cost each {@code *OnRedisClusterIT} class about 3 s.
 * The classes do not disturb one another: each class's nodes use a key prefix of their own
 * ({@link TernNodes#clustered}) and are stopped before the next class starts, and none of those
 * classes stops or restarts Redis (a class that does starts a deployment of its own). Closing the
 * deployment a class gets does nothing; the cluster stops when the JVM exits. Its files and logs
 * are in {@code target/shared-redis-cluster-*}.
 *
 * <p>Threading: {@link #get()} may be called from any thread.
 */
final class SharedRedisCluster implements RedisDeployment {

    private static SharedRedisCluster shared;

    private final RedisClusterDeployment cluster;

    private SharedRedisCluster(RedisClusterDeployment cluster) {
        this.cluster = cluster;
    }

    /** The JVM's Redis Cluster, started at the first call. */
    static synchronized RedisDeployment get() throws IOException, InterruptedException {
        if (shared == null) {
            Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()),
                    "shared-redis-cluster-");
            RedisClusterDeployment cluster = RedisClusterDeployment.start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    cluster.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "shared-redis-cluster-stop"));
            shared = new SharedRedisCluster(cluster);
        }
        return shared;
    }

    @Override
    public List<String> storageSettings() {
        return cluster.storageSettings();
    }

    @Override
    public String description() {
        return "shared " + cluster.description();
    }

    /** Leaves the cluster running for the next class. */
    @Override
    public void close() {
    }
}
