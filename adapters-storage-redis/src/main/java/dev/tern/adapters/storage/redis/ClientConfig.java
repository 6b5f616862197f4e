package dev.tern.adapters.storage.redis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.redisson.config.Config;
import org.redisson.config.ConstantDelay;
import org.redisson.config.ReadMode;

/**
 * The Redisson {@link Config} Tern connects with: built from {@code storage.redis.url} for one
 * server, or read from a Redisson YAML file (one server, a Sentinel-managed primary, or a Redis
 * Cluster), and in every case with Tern's own codec, script and read settings on top.
 *
 * <p>Threading: stateless.
 */
final class ClientConfig {

    /** Retries of a command that got no reply (idempotent: every write is a replace or delete). */
    static final int RETRY_ATTEMPTS = 2;
    private static final int NETTY_THREADS = 4;
    private static final int POOL_SIZE = 16;

    private ClientConfig() {
    }

    /** The configuration for {@code settings}: its Redisson file when it names one, else its url. */
    static Config of(RedisStorageSettings settings) {
        return settings.redissonConfig() != null
                ? fromFile(settings.redissonConfig())
                : fromUrl(RedisUrl.parse(settings.url()), settings);
    }

    private static Config fromUrl(RedisUrl url, RedisStorageSettings settings) {
        int timeoutMillis = Math.toIntExact(settings.commandTimeout().toMillis());
        Config config = new Config();
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
        return withTernSettings(config);
    }

    /**
     * Reads a Redisson YAML file. Its text may hold passwords: no message repeats any of it, only
     * the file name and what kind of problem it has.
     *
     * @throws IllegalArgumentException if the file cannot be read or parsed, or asks for a
     *                                  topology other than one server, Sentinel or Cluster
     */
    static Config fromFile(Path file) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException("Redisson configuration " + file + " is not a readable file");
        }
        Config config;
        try {
            config = Config.fromYAML(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Redisson configuration " + file + " is not valid Redisson YAML ("
                    + e.getClass().getSimpleName() + "); see https://redisson.org/docs/configuration/", null);
        }
        // Replicas lag behind: a store must read what it just wrote, so reads go to the primaries.
        if (config.isClusterConfig()) {
            config.useClusterServers().setReadMode(ReadMode.MASTER);
        } else if (config.isSentinelConfig()) {
            config.useSentinelServers().setReadMode(ReadMode.MASTER);
        } else if (!config.isSingleConfig()) {
            throw new IllegalArgumentException("Redisson configuration " + file + " must have clusterServersConfig, "
                    + "singleServerConfig or sentinelServersConfig; other topologies are not supported");
        }
        return withTernSettings(config);
    }

    private static Config withTernSettings(Config config) {
        // Every store names its codec; this default only keeps Redisson from picking Kryo anywhere,
        // whatever codec a configuration file asks for.
        config.setCodec(Codecs.BYTES);
        // Plain EVAL: with the script cache Redisson sends EVALSHA, and a NOSCRIPT reply inside
        // MULTI/EXEC could not be retried without replaying the whole transaction.
        config.setUseScriptCache(false);
        // Tern stores no Redisson objects inside values: without references Redisson skips, for
        // every key and value it encodes or decodes, the check whether it is one (a cache look-up
        // and an annotation test each, measurable in a group commit of many writes).
        config.setReferenceEnabled(false);
        return config;
    }
}
