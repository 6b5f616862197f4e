package dev.tern.adapters.storage.redis;

import java.time.Duration;

/**
 * How to reach Redis and how durable a write must be before it counts as stored.
 *
 * @param url            {@code redis://} or {@code rediss://} (TLS), with optional
 *                       {@code user:password@} and optional {@code /database}, e.g.
 *                       {@code redis://tern:secret@redis.local:6379/0}
 * @param keyPrefix      put before every key (see {@code KEYS.md}); null means {@code tern:}
 * @param replicasToWait how many replicas must acknowledge each write (Redis {@code WAIT}) before
 *                       it is reported stored; 0 trusts the primary alone
 * @param waitTimeout    how long to wait for those replicas
 * @param commandTimeout how long to wait to connect, and for any one reply
 */
public record RedisStorageSettings(String url, String keyPrefix, int replicasToWait, Duration waitTimeout,
                                   Duration commandTimeout) {

    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(3);

    public RedisStorageSettings {
        if (url == null || url.isBlank()) {
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

    /** Settings with the default command timeout. */
    public RedisStorageSettings(String url, String keyPrefix, int replicasToWait, Duration waitTimeout) {
        this(url, keyPrefix, replicasToWait, waitTimeout, DEFAULT_COMMAND_TIMEOUT);
    }

    /** Settings for one Redis primary under the default prefix, trusting the primary alone. */
    public static RedisStorageSettings of(String url) {
        return new RedisStorageSettings(url, null, 0, null);
    }

    /** The url without its password, for messages and logs. */
    public String redactedUrl() {
        return RedisUrl.parse(url).redacted();
    }

    @Override
    public String toString() {
        return "RedisStorageSettings[url=" + redactedUrl() + ", keyPrefix=" + keyPrefix
                + ", replicasToWait=" + replicasToWait + ", waitTimeout=" + waitTimeout
                + ", commandTimeout=" + commandTimeout + "]";
    }
}
