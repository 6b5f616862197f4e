package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.StorageOpenException;
import dev.tern.application.port.plugin.StorageProvider;
import java.time.Clock;
import java.util.function.BiFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Redis backend, {@code storage.backend=redis}: one server, a Sentinel-managed primary or a
 * Redis Cluster, shared by several brokers if need be. Found through {@link
 * java.util.ServiceLoader}.
 *
 * <p>Redis may come up after Tern (containers, service managers): connecting is retried with a
 * doubling pause, each failure logged, before the broker gives up with the last error.
 *
 * <p>Threading: as every provider, created and asked on the starting thread only; {@link #open}
 * blocks it while it waits for Redis.
 */
public final class RedisStorageProvider implements StorageProvider<RedisBackendSettings> {

    static final int ATTEMPTS = 6;
    static final long FIRST_PAUSE_MILLIS = 500;

    private static final Logger LOG = LoggerFactory.getLogger(RedisStorageProvider.class);

    private final BiFunction<RedisStorageSettings, Clock, RedisStorage> connect;
    private final Pause pause;

    /** Connects to Redis, sleeping between attempts; what the service loader calls. */
    public RedisStorageProvider() {
        this((settings, clock) -> RedisStorage.connect(settings, clock), Thread::sleep);
    }

    /** @param connect one attempt to connect; @param pause waits between attempts (tests need not sleep) */
    RedisStorageProvider(BiFunction<RedisStorageSettings, Clock, RedisStorage> connect, Pause pause) {
        this.connect = connect;
        this.pause = pause;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public String description() {
        return "Redis server, Sentinel or Cluster (durable, shared)";
    }

    @Override
    public Class<RedisBackendSettings> settingsType() {
        return RedisBackendSettings.class;
    }

    /** @throws StorageOpenException when the settings are unusable, or Redis stayed unreachable */
    @Override
    public Storage open(RedisBackendSettings backendSettings, Clock clock) {
        RedisStorageSettings settings = backendSettings.toStorageSettings();
        long pauseMillis = FIRST_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return connect.apply(settings, clock);
            } catch (IllegalArgumentException e) {
                // A bad url or Redisson configuration will not get better by waiting.
                throw new StorageOpenException(e.getMessage(), e);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw new StorageOpenException(e.getMessage() + " (gave up after " + attempt + " attempts)", e);
                }
                LOG.warn("Redis at {} unavailable (attempt {} of {}), retrying in {} ms: {}", settings.target(),
                        attempt, ATTEMPTS, pauseMillis, e.getMessage());
                waitFor(pauseMillis);
                pauseMillis *= 2;
            }
        }
    }

    private void waitFor(long millis) {
        try {
            pause.pause(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageOpenException("interrupted while waiting for Redis", e);
        }
    }

    /** The wait between two attempts to connect. */
    @FunctionalInterface
    interface Pause {

        void pause(long millis) throws InterruptedException;
    }
}
