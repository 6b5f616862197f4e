package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.StorageOpenException;
import dev.tern.application.port.plugin.StorageProvider;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisStorageProviderTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<Long> pauses = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    private static RedisBackendSettings settings(String url) {
        return new RedisBackendSettings(URI.create(url), "test-provider:", 0, Duration.ofSeconds(1), Optional.empty());
    }

    /** A provider whose first {@code failures} attempts find Redis down, and that records its pauses instead of sleeping. */
    private RedisStorageProvider failingFirst(int failures) {
        return new RedisStorageProvider((settings, clock) -> {
            if (attempts.incrementAndGet() <= failures) {
                throw new StorageUnavailableException("Cannot connect to Redis at " + settings.target() + ": refused",
                        null);
            }
            return RedisStorage.connect(settings);
        }, pauses::add);
    }

    @Test
    void isFoundByTheServiceLoaderUnderTheNameRedis() {
        assertThat(ServiceLoader.load(StorageProvider.class).stream().map(ServiceLoader.Provider::get))
                .filteredOn(provider -> provider.name().equals("redis"))
                .singleElement()
                .isInstanceOf(RedisStorageProvider.class);
    }

    @Test
    void opensADurableStorageDescribedByTheUrlWithoutItsPassword() {
        String url = REDIS.url();
        try (Storage storage = new RedisStorageProvider().open(settings(url), Clock.systemUTC())) {
            assertThat(storage.description()).isEqualTo("redis " + RedisUrl.parse(url).redacted());
            assertThat(storage.durable()).isTrue();
        }
    }

    @Test
    void retriesWithADoublingPauseUntilRedisAnswers() {
        try (Storage storage = failingFirst(3).open(settings(REDIS.url()), Clock.systemUTC())) {
            assertThat(storage.sessions().loadAll()).isNotNull();
        }

        assertThat(attempts).hasValue(4);
        assertThat(pauses).containsExactly(500L, 1_000L, 2_000L);
    }

    @Test
    void givesUpAfterSixAttemptsWithTheLastError() {
        assertThatThrownBy(() -> failingFirst(Integer.MAX_VALUE).open(settings(REDIS.url()), Clock.systemUTC()))
                .isInstanceOf(StorageOpenException.class)
                .hasMessageContaining("Cannot connect to Redis at")
                .hasMessageEndingWith("(gave up after 6 attempts)");

        assertThat(attempts).hasValue(6);
        assertThat(pauses).containsExactly(500L, 1_000L, 2_000L, 4_000L, 8_000L);
    }

    @Test
    void doesNotRetryAnUnusableConfiguration() {
        RedisBackendSettings missingFile = new RedisBackendSettings(URI.create(REDIS.url()), "tern:", 0,
                Duration.ofSeconds(1), Optional.of(Path.of("does-not-exist.yaml")));
        RedisStorageProvider provider = new RedisStorageProvider((settings, clock) -> {
            attempts.incrementAndGet();
            return RedisStorage.connect(settings);
        }, pauses::add);

        assertThatThrownBy(() -> provider.open(missingFile, Clock.systemUTC()))
                .isInstanceOf(StorageOpenException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
        assertThat(pauses).isEmpty();
    }

    @Test
    void stopsWaitingWhenInterrupted() {
        RedisStorageProvider interrupted = new RedisStorageProvider((settings, clock) -> {
            throw new StorageUnavailableException("down", null);
        }, millis -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(() -> interrupted.open(settings(REDIS.url()), Clock.systemUTC()))
                    .isInstanceOf(StorageOpenException.class)
                    .hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void refusesAUrlOfAnotherSchemeWithoutShowingItsPassword() {
        assertThatThrownBy(() -> settings("http://user:s3cret@redis.local:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("s3cret")
                .hasMessageContaining("redis://host[:port]");
    }
}
