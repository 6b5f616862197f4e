package dev.tern.adapters.storage.redis;

import java.util.UUID;
import java.util.function.Function;

/**
 * The {@link RedisStorage} a contract test uses, under a key prefix of its own so that tests
 * sharing one Redis never see each other's keys. Reopening closes the client and connects anew:
 * what the test reads afterwards must have come from Redis.
 *
 * <p>Threading: the test's thread.
 */
final class StorageUnderTest {

    private final Function<String, RedisStorageSettings> settings;
    private final String prefix = "test-" + UUID.randomUUID() + ":";
    private RedisStorage storage;

    StorageUnderTest(RedisServerExtension redis) {
        this(prefix -> new RedisStorageSettings(redis.url(), prefix, 0, null));
    }

    /** @param settings the settings to connect with, given the test's key prefix */
    StorageUnderTest(Function<String, RedisStorageSettings> settings) {
        this.settings = settings;
    }

    RedisStorage open() {
        storage = RedisStorage.connect(settings.apply(prefix));
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
