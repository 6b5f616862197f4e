package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code storage.redis.redisson-config}: no Redisson file unless one is named. */
class RedissonConfigKeyTest {

    @Test
    void usesTheUrlUnlessARedissonFileIsNamed() {
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), List.of()), Map.of());

        assertThat(config.storage().redis().redissonConfig()).isEmpty();
    }

    @Test
    void takesTheRedissonFileFromTheEnvironment() {
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(), List.of()),
                Map.of("TERN_STORAGE_REDIS_REDISSON_CONFIG", "/etc/tern/redisson.yaml"));

        assertThat(config.storage().redis().redissonConfig()).contains(Path.of("/etc/tern/redisson.yaml"));
    }

    @Test
    void takesNoneAsNoFile() {
        BrokerConfig config = ConfigLoader.load(new CommandLine(Optional.empty(),
                List.of(new CommandLine.Setting("storage.redis.redisson-config", "none"))), Map.of());

        assertThat(config.storage().redis().redissonConfig()).isEmpty();
    }
}
