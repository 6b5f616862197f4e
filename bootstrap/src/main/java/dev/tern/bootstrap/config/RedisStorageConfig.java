package dev.tern.bootstrap.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The Redis server.
 *
 * @param url            {@code redis://} or {@code rediss://} (TLS), with {@code user:password@} if needed
 * @param keyPrefix      prefix of every key Tern writes
 * @param replicasToWait replicas that must confirm each batch (WAIT) before it counts as stored
 * @param waitTimeout    how long to wait for them
 * @param redissonConfig a Redisson YAML file (one server or Sentinel) to connect with instead of {@code url}
 */
public record RedisStorageConfig(URI url, String keyPrefix, int replicasToWait, java.time.Duration waitTimeout,
                                 Optional<Path> redissonConfig) {

    static final Set<String> SCHEMES = Set.of("redis", "rediss");

    public RedisStorageConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        Objects.requireNonNull(waitTimeout, "waitTimeout");
        Objects.requireNonNull(redissonConfig, "redissonConfig");
        if (!SCHEMES.contains(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("url must be redis://host[:port] or rediss://host[:port]: " + url);
        }
    }

    /** The server at {@code url}, without a Redisson configuration file. */
    public RedisStorageConfig(URI url, String keyPrefix, int replicasToWait, java.time.Duration waitTimeout) {
        this(url, keyPrefix, replicasToWait, waitTimeout, Optional.empty());
    }
}
