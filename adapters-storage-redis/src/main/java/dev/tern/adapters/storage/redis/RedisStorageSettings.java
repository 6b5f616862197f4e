package dev.tern.adapters.storage.redis;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach Redis and how durable a write must be before it counts as stored.
 *
 * @param url             {@code redis://} or {@code rediss://} (TLS), with optional
 *                        {@code user:password@} and optional {@code /database}, e.g.
 *                        {@code redis://tern:secret@redis.local:6379/0}; ignored when
 *                        {@code redissonConfig} is given
 * @param keyPrefix       put before every key (see {@code KEYS.md}); null means {@code tern:}
 * @param replicasToWait  how many replicas must acknowledge each write (Redis {@code WAIT}) before
 *                        it is reported stored; 0 trusts the primary alone. In a cluster each
 *                        primary a write batch touches must have that many replicas confirm it
 * @param waitTimeout     how long to wait for those replicas
 * @param commandTimeout  how long to wait to connect, and for any one reply
 * @param redissonConfig  a Redisson YAML configuration file ({@code singleServerConfig},
 *                        {@code sentinelServersConfig} or {@code clusterServersConfig}) to connect
 *                        with instead of {@code url}; null to use {@code url}
 */
record RedisStorageSettings(String url, String keyPrefix, int replicasToWait, Duration waitTimeout,
                                   Duration commandTimeout, Path redissonConfig) {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(3);

    public RedisStorageSettings {
        if (redissonConfig == null && (url == null || url.isBlank())) {
            throw new IllegalArgumentException("Redis url must be given");
        }
        keyPrefix = keyPrefix == null ? RedisKeys.DEFAULT_PREFIX : keyPrefix;
        if (replicasToWait < 0) {
            throw new IllegalArgumentException("replicas to wait for must not be negative: " + replicasToWait);
        }
        waitTimeout = waitTimeout == null ? Duration.ofSeconds(1) : waitTimeout;
        commandTimeout = commandTimeout == null ? DEFAULT_COMMAND_TIMEOUT : commandTimeout;
        if (waitTimeout.isNegative() || commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Settings for one Redis reached through {@code url}. */
    public RedisStorageSettings(String url, String keyPrefix, int replicasToWait, Duration waitTimeout,
                                Duration commandTimeout) {
        this(url, keyPrefix, replicasToWait, waitTimeout, commandTimeout, null);
    }

    /** Settings with the default command timeout. */
    public RedisStorageSettings(String url, String keyPrefix, int replicasToWait, Duration waitTimeout) {
        this(url, keyPrefix, replicasToWait, waitTimeout, DEFAULT_COMMAND_TIMEOUT);
    }

    /** Settings for one Redis primary under the default prefix, trusting the primary alone. */
    public static RedisStorageSettings of(String url) {
        return new RedisStorageSettings(url, null, 0, null);
    }

    /** These settings, connecting through the Redisson YAML configuration {@code file} instead of the url. */
    public RedisStorageSettings withRedissonConfig(Path file) {
        return new RedisStorageSettings(url, keyPrefix, replicasToWait, waitTimeout, commandTimeout, file);
    }

    /** The url without its password, for messages and logs; null when a Redisson configuration replaces it. */
    public String redactedUrl() {
        return redissonConfig != null ? null : RedisUrl.parse(url).redacted();
    }

    /**
     * Where Tern connects, for messages and logs, never with a password: the redacted url, or the
     * Redisson configuration file (whose content may hold credentials and is never shown).
     */
    public String target() {
        return redissonConfig != null ? "Redisson configuration " + redissonConfig : redactedUrl();
    }

    @Override
    public String toString() {
        return "RedisStorageSettings[" + (redissonConfig != null ? "redissonConfig=" + redissonConfig : "url=" + redactedUrl())
                + ", keyPrefix=" + keyPrefix + ", replicasToWait=" + replicasToWait + ", waitTimeout=" + waitTimeout
                + ", commandTimeout=" + commandTimeout + "]";
    }
}
