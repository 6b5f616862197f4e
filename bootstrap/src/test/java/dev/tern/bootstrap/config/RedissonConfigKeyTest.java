package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.adapters.storage.redis.RedisBackendSettings;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code storage.redis.redisson-config}: no Redisson file unless one is named. */
class RedissonConfigKeyTest {

    @Test
    void usesTheUrlUnlessARedissonFileIsNamed() {
        RedisBackendSettings redis = redis(Map.of(), "storage.backend=redis");

        assertThat(redis.redissonConfig()).isEmpty();
        assertThat(redis.url()).isEqualTo(URI.create("redis://127.0.0.1:6379"));
    }

    @Test
    void takesTheRedissonFileFromTheEnvironment() {
        RedisBackendSettings redis = redis(Map.of("TERN_STORAGE_BACKEND", "redis",
                "TERN_STORAGE_REDIS_REDISSON_CONFIG", "/etc/tern/redisson.yaml"));

        assertThat(redis.redissonConfig()).contains(Path.of("/etc/tern/redisson.yaml"));
    }

    @Test
    void takesNoneAsNoFile() {
        RedisBackendSettings redis = redis(Map.of("TERN_STORAGE_REDIS_REDISSON_CONFIG", "/etc/tern/redisson.yaml"),
                "storage.backend=redis", "storage.redis.redisson-config=none");

        assertThat(redis.redissonConfig()).isEmpty();
    }

    private static RedisBackendSettings redis(Map<String, String> environment, String... settings) {
        return (RedisBackendSettings) ConfigLoader.load(Load.commandLine(Optional.empty(), settings), environment)
                .storage().settings();
    }
}
