package dev.tern.e2e.cluster;

import java.util.List;

/**
 * The Redis deployment every node of a test cluster shares: one {@code redis-server}, or a Redis
 * Cluster of three primaries. The tests start and stop it (the one {@link SharedRedisCluster} stops when the
 * test JVM exits); a missing Redis fails them, never skips.
 */
interface RedisDeployment extends AutoCloseable {

    /** The {@code storage.*} settings that point a node at it, as {@code key=value}. */
    List<String> storageSettings();

    /** For test names and messages. */
    String description();

    @Override
    void close() throws InterruptedException;
}
