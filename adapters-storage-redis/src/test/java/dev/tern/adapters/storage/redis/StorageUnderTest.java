package dev.tern.adapters.storage.redis;

import java.util.UUID;

/**
 * The {@link RedisStorage} a contract test uses, under a key prefix of its own so that tests
 * sharing one Redis never see each other's keys. Reopening closes the client and connects anew:
 * what the test reads afterwards must have come from Redis.
 *
 * <p>Threading: the test's thread.
 */
final class StorageUnderTest {

    private final RedisServerExtension redis;
    private final String prefix = "test-" + UUID.randomUUID() + ":";
    private RedisStorage storage;

    StorageUnderTest(RedisServerExtension redis) {
        this.redis = redis;
    }

    RedisStorage open() {
        storage = RedisStorage.connect(new RedisStorageSettings(redis.url(), prefix, 0, null));
        return storage;
    }

    RedisStorage reopen() {
        close();
        return open();
    }

    void close() {
        if (storage != null) {
            storage.close();
            storage = null;
        }
    }

    String prefix() {
        return prefix;
    }
}
