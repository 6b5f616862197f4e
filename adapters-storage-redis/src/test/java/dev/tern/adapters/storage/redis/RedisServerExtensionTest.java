package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The test Redis is real, answers, and its absence fails the build with the way to install it. */
class RedisServerExtensionTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void providesARedisThatAnswers() throws Exception {
        try (RespClient cli = RespClient.connect(REDIS.url())) {
            assertThat(cli.call("PING")).isEqualTo("PONG");
        }
    }

    @Test
    void failsWithTheInstallLineWhenRedisServerIsNotOnThePath(@TempDir Path emptyDirectory) {
        assertThatThrownBy(() -> RedisServerExtension.Server.findOnPath("redis-server", emptyDirectory.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("apt-get install -y redis-server")
                .hasMessageContaining("REDIS_URL");
    }

    @Test
    void findsAnExecutableOnThePath(@TempDir Path directory) throws Exception {
        Path executable = Files.createFile(directory.resolve("redis-server"));
        assertThat(executable.toFile().setExecutable(true)).isTrue();

        assertThat(RedisServerExtension.Server.findOnPath("redis-server", "/nonexistent:" + directory))
                .isEqualTo(executable);
    }
}
