package dev.tern.adapters.storage.redis;

import dev.tern.application.port.out.InflightStore;
import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StorageTransactions;
import dev.tern.application.port.out.SubscriptionStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.Redisson;
import org.redisson.api.BatchOptions;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;

/**
 * The storage ports over Redis, through one Redisson client. Key layout: {@link RedisKeys} and
 * {@code KEYS.md}. Every store method is one MULTI/EXEC batch; {@link #transactions()} groups
 * many writes into one such batch (group commit).
 *
 * <p>Threading: thread-safe; the stores block the calling thread for one round trip, so callers
 * must not use them on a network I/O thread.
 */
public final class RedisStorage implements AutoCloseable {

    /** Retries of a command that got no reply (idempotent: every write is a replace or delete). */
    private static final int RETRY_ATTEMPTS = 2;
    private static final int NETTY_THREADS = 4;
    private static final int POOL_SIZE = 16;

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
                settings.redactedUrl(), settings.replicasToWait());
        this.sessions = new RedisSessionStore(commands, keys);
        this.subscriptions = new RedisSubscriptionStore(commands, keys);
        this.retained = new RedisRetainedMessageStore(commands, keys);
        this.queues = new RedisMessageQueueStore(commands, keys);
        this.inflight = new RedisInflightStore(commands, keys);
        this.transactions = new RedisTransactions(commands);
    }

    /**
     * Connects to the Redis at {@code settings.url()}.
     *
     * @throws StorageUnavailableException if Redis cannot be reached or refuses the credentials,
     *                                     naming the url without its password
     * @throws IllegalArgumentException    if the url or key prefix is malformed
     */
    public static RedisStorage connect(RedisStorageSettings settings) {
        RedisUrl url = RedisUrl.parse(settings.url());
        RedissonClient redisson;
        try {
            redisson = Redisson.create(config(url, settings));
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("Cannot connect to Redis at " + url.redacted() + ": "
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

    private static Config config(RedisUrl url, RedisStorageSettings settings) {
        int timeoutMillis = Math.toIntExact(settings.commandTimeout().toMillis());
        Config config = new Config();
        // Every store names its codec; this default only keeps Redisson from picking Kryo anywhere.
        config.setCodec(Codecs.BYTES);
        // Plain EVAL: with the script cache Redisson sends EVALSHA, and a NOSCRIPT reply inside
        // MULTI/EXEC could not be retried without replaying the whole transaction.
        config.setUseScriptCache(false);
        config.setNettyThreads(NETTY_THREADS);
        config.setUsername(url.user());
        config.setPassword(url.password());
        config.useSingleServer()
                .setAddress(url.address())
                .setDatabase(url.database())
                .setConnectTimeout(timeoutMillis)
                .setTimeout(timeoutMillis)
                .setRetryAttempts(RETRY_ATTEMPTS)
                .setRetryDelay(new ConstantDelay(Duration.ofMillis(Math.min(timeoutMillis, 1_000))))
                .setConnectionMinimumIdleSize(1)
                .setConnectionPoolSize(POOL_SIZE)
                .setSubscriptionConnectionMinimumIdleSize(0)
                .setClientName("tern");
        return config;
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
                .retryAttempts(RETRY_ATTEMPTS);
    }
}
