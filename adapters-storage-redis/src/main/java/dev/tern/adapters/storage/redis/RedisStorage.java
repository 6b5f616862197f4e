package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StorageTransactions;
import dev.tern.application.port.out.SubscriptionStore;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.BatchOptions;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;

/**
 * The storage ports over Redis, through one Redisson client. Key layout: {@link RedisKeys} and
 * {@code KEYS.md}. Every store method is one MULTI/EXEC batch; {@link #transactions()} groups
 * many writes into one such batch (group commit).
 *
 * <p>Threading: thread-safe; the stores block the calling thread for one round trip, so callers
 * must not use them on a network I/O thread.
 */
public final class RedisStorage implements AutoCloseable {

    private final RedissonClient redisson;
    private final SessionStore sessions;
    private final SubscriptionStore subscriptions;
    private final RetainedMessageStore retained;
    private final MessageQueueStore queues;
    private final InflightStore inflight;
    private final StorageTransactions transactions;

    private RedisStorage(RedissonClient redisson, RedisStorageSettings settings) {
        this.redisson = redisson;
        RedisKeys keys = new RedisKeys(settings.keyPrefix());
        RedisCommands commands = new RedisCommands(redisson, writeOptions(settings), readOptions(settings),
                settings.target(), settings.replicasToWait());
        this.sessions = new RedisSessionStore(commands, keys);
        this.subscriptions = new RedisSubscriptionStore(commands, keys);
        this.retained = new RedisRetainedMessageStore(commands, keys);
        this.queues = new RedisMessageQueueStore(commands, keys);
        this.inflight = new RedisInflightStore(commands, keys);
        this.transactions = new RedisTransactions(commands);
    }

    /**
     * Connects to the Redis at {@code settings.url()}, or to the one its Redisson configuration
     * file describes (one server, or the primary a Sentinel names).
     *
     * @throws StorageUnavailableException if Redis cannot be reached or refuses the credentials,
     *                                     naming the url without its password
     * @throws IllegalArgumentException    if the url, Redisson configuration or key prefix is
     *                                     malformed, or the configuration asks for Redis Cluster
     */
    public static RedisStorage connect(RedisStorageSettings settings) {
        Config config = ClientConfig.of(settings);
        RedissonClient redisson;
        try {
            redisson = Redisson.create(config);
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("Cannot connect to Redis at " + settings.target() + ": "
                    + e.getMessage(), e);
        }
        return new RedisStorage(redisson, settings);
    }

    public SessionStore sessions() {
        return sessions;
    }

    public SubscriptionStore subscriptions() {
        return subscriptions;
    }

    public RetainedMessageStore retained() {
        return retained;
    }

    public MessageQueueStore queues() {
        return queues;
    }

    public InflightStore inflight() {
        return inflight;
    }

    public StorageTransactions transactions() {
        return transactions;
    }

    /** Closes the connections; stores used afterwards fail. */
    @Override
    public void close() {
        redisson.shutdown();
    }

    private static BatchOptions writeOptions(RedisStorageSettings settings) {
        BatchOptions options = readOptions(settings);
        if (settings.replicasToWait() > 0) {
            options.sync(settings.replicasToWait(), settings.waitTimeout());
        }
        return options;
    }

    private static BatchOptions readOptions(RedisStorageSettings settings) {
        return BatchOptions.defaults()
                .executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC)
                .responseTimeout(settings.commandTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .retryAttempts(ClientConfig.RETRY_ATTEMPTS);
    }
}
