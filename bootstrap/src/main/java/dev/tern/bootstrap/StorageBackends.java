package dev.tern.bootstrap;

import dev.tern.adapters.storage.h2.H2Storage;
import dev.tern.adapters.storage.h2.H2StorageSettings;
import dev.tern.adapters.storage.redis.RedisStorage;
import dev.tern.adapters.storage.redis.RedisStorageSettings;
import dev.tern.bootstrap.config.BrokerConfig;
import dev.tern.bootstrap.config.H2StorageConfig;
import dev.tern.bootstrap.config.OnCorruption;
import dev.tern.bootstrap.config.RedisStorageConfig;
import java.nio.file.Path;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the backend {@code storage.backend} names; a failure becomes a message for the operator. */
final class StorageBackends {

    private static final Logger LOG = LoggerFactory.getLogger(StorageBackends.class);
    private static final int REDIS_ATTEMPTS = 6;

    private StorageBackends() {
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageStartException("interrupted while waiting for Redis", e);
        }
    }

    static OpenedStorage open(BrokerConfig config, Clock clock) {
        return switch (config.storage().backend()) {
            case MEMORY -> OpenedStorage.memory();
            case H2 -> h2(config.storage().h2(), clock);
            case REDIS -> redis(config.storage().redis());
        };
    }

    private static OpenedStorage h2(H2StorageConfig config, Clock clock) {
        H2StorageSettings.OnCorruption onCorruption = config.onCorruption() == OnCorruption.QUARANTINE
                ? H2StorageSettings.OnCorruption.QUARANTINE : H2StorageSettings.OnCorruption.FAIL;
        H2Storage h2;
        try {
            h2 = H2Storage.open(new H2StorageSettings(Path.of(config.path()), onCorruption), clock);
        } catch (RuntimeException e) {
            throw new StorageStartException(e.getMessage(), e);
        }
        return new OpenedStorage("h2 " + Path.of(config.path()).toAbsolutePath().normalize(), true, h2.sessions(),
                h2.subscriptions(), h2.retained(), h2.queues(), h2.inflight(), h2.transactions(), h2);
    }

    /**
     * Redis may come up after Tern (containers, service managers): connecting is retried with a
     * doubling pause, each failure logged, before the broker gives up with the last error.
     */
    private static OpenedStorage redis(RedisStorageConfig config) {
        RedisStorageSettings settings = new RedisStorageSettings(config.url().toString(), config.keyPrefix(),
                config.replicasToWait(), config.waitTimeout()).withRedissonConfig(config.redissonConfig().orElse(null));
        RedisStorage redis = null;
        long pauseMillis = 500;
        for (int attempt = 1; redis == null; attempt++) {
            try {
                redis = RedisStorage.connect(settings);
            } catch (IllegalArgumentException e) {
                // A bad url or Redisson configuration will not get better by waiting.
                throw new StorageStartException(e.getMessage(), e);
            } catch (RuntimeException e) {
                if (attempt == REDIS_ATTEMPTS) {
                    throw new StorageStartException(e.getMessage() + " (gave up after " + attempt + " attempts)", e);
                }
                LOG.warn("Redis at {} unavailable (attempt {} of {}), retrying in {} ms: {}", settings.target(),
                        attempt, REDIS_ATTEMPTS, pauseMillis, e.getMessage());
                sleep(pauseMillis);
                pauseMillis *= 2;
            }
        }
        return new OpenedStorage("redis " + settings.target(), true, redis.sessions(), redis.subscriptions(),
                redis.retained(), redis.queues(), redis.inflight(), redis.transactions(), redis);
    }
}
