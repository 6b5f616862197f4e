package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.session.SessionExpiry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Through a Sentinel, writes reach the primary it names, and the url setting is ignored. */
class SentinelConnectionTest {

    @RegisterExtension
    static final SentinelExtension SENTINEL = new SentinelExtension();

    @Test
    void writesToThePrimaryTheSentinelNamesIgnoringTheUrl() throws IOException {
        String prefix = "test-" + UUID.randomUUID() + ":";
        // Nothing listens on port 1: were the url used, connecting would fail.
        RedisStorageSettings settings = new RedisStorageSettings("redis://127.0.0.1:1", prefix, 0, null)
                .withRedissonConfig(SENTINEL.redissonConfig());

        try (RedisStorage storage = RedisStorage.connect(settings)) {
            storage.sessions().save(new StoredSession("c1", SessionExpiry.NEVER, null, 1));
        }

        try (RespClient primary = SENTINEL.primary()) {
            assertThat(primary.call("EXISTS", prefix + "session:{c1}")).isEqualTo(1L);
            assertThat(primary.call("SISMEMBER", prefix + "sessions", "c1")).isEqualTo(1L);
        }
    }

    @Test
    void failsWithoutShowingThePasswordOfTheFileWhenNoSentinelAnswers(@TempDir Path directory) throws IOException {
        Path file = Files.writeString(directory.resolve("redisson.yaml"), """
                password: "hunter2-secret"
                sentinelServersConfig:
                  masterName: tern
                  sentinelPassword: "hunter2-secret"
                  checkSentinelsList: false
                  connectTimeout: 300
                  timeout: 300
                  retryAttempts: 0
                  sentinelAddresses:
                    - "redis://127.0.0.1:1"
                """);
        RedisStorageSettings settings = new RedisStorageSettings(null, null, 0, null, Duration.ofMillis(300), file);

        assertThatThrownBy(() -> RedisStorage.connect(settings))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("Redisson configuration " + file)
                .hasMessageNotContaining("hunter2");
    }
}
