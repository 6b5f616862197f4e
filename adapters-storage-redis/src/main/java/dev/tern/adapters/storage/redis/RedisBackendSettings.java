package dev.tern.adapters.storage.redis;

import dev.tern.application.port.plugin.Setting;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of {@link RedisStorageProvider}, under {@code storage.redis.*}: what an operator
 * configures. {@link #toStorageSettings()} turns them into the adapter's own {@link
 * RedisStorageSettings}, which also carry what only tests change (the command timeout).
 *
 * @param url            {@code redis://} or {@code rediss://} (TLS), with {@code user:password@} if needed
 * @param keyPrefix      prefix of every key Tern writes
 * @param waitReplicas   replicas that must confirm each batch (WAIT) before it counts as stored
 * @param waitTimeout    how long to wait for them
 * @param redissonConfig a Redisson YAML file (one server, Sentinel or Cluster) to connect with instead of {@code url}
 */
public record RedisBackendSettings(
        @Setting(defaultValue = "redis://127.0.0.1:6379", description = "Redis server, redis:// or rediss://")
        URI url,
        @Setting(defaultValue = "tern:", description = "prefix of every key Tern writes in Redis")
        String keyPrefix,
        @Setting(defaultValue = "0", min = 0, max = 100, description = "replicas that must confirm each write"
                + " batch (Redis WAIT) before messages are acknowledged")
        int waitReplicas,
        @Setting(defaultValue = "1", min = 1, max = 60, description = "seconds to wait for those replicas")
        Duration waitTimeout,
        @Setting(defaultValue = "none", description = "Redisson YAML file (singleServerConfig,"
                + " sentinelServersConfig or clusterServersConfig) used instead of storage.redis.url")
        Optional<Path> redissonConfig) {

    public RedisBackendSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        Objects.requireNonNull(redissonConfig, "redissonConfig");
        // Parsing checks the scheme and host, and names the url in its message without the password.
        RedisUrl.parse(url.toString());
    }

    RedisStorageSettings toStorageSettings() {
        return new RedisStorageSettings(url.toString(), keyPrefix, waitReplicas, waitTimeout)
                .withRedissonConfig(redissonConfig.orElse(null));
    }
}
