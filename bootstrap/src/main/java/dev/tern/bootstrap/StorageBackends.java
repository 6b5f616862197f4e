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

/** Opens the backend {@code storage.backend} names; a failure becomes a message for the operator. */
final class StorageBackends {

    private StorageBackends() {
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
        return new OpenedStorage("h2 " + Path.of(config.path()).toAbsolutePath(), true, h2.sessions(),
                h2.subscriptions(), h2.retained(), h2.queues(), h2.inflight(), h2.transactions(), h2);
    }

    private static OpenedStorage redis(RedisStorageConfig config) {
        RedisStorage redis;
        RedisStorageSettings settings = new RedisStorageSettings(config.url().toString(), config.keyPrefix(),
                config.replicasToWait(), config.waitTimeout());
        try {
            redis = RedisStorage.connect(settings);
        } catch (RuntimeException e) {
            throw new StorageStartException(e.getMessage(), e);
        }
        return new OpenedStorage("redis " + settings.redactedUrl(), true, redis.sessions(), redis.subscriptions(),
                redis.retained(), redis.queues(), redis.inflight(), redis.transactions(), redis);
    }
}
