package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Starting against a Redis that is not there fails fast and says where it looked, without the password. */
class ConnectionFailureTest {

    private static int portWithNothingListening() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void failsToConnectWithTheUrlButNotThePassword() throws Exception {
        int port = portWithNothingListening();
        RedisStorageSettings settings = new RedisStorageSettings("redis://tern:s3cret-pw@127.0.0.1:" + port,
                null, 0, null, Duration.ofMillis(300));

        long started = System.nanoTime();
        StorageUnavailableException failure =
                catchThrowableOfType(StorageUnavailableException.class, () -> RedisStorage.connect(settings));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(failure).isNotNull();
        assertThat(failure.getMessage()).contains("redis://tern:***@127.0.0.1:" + port);
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        // Neither the message nor any cause down the chain may leak the password.
        assertThat(trace.toString()).doesNotContain("s3cret-pw");
        assertThat(tookMillis).isLessThan(10_000);
    }

    @Test
    void namesTheRedactedUrlInTheSettingsText() {
        RedisStorageSettings settings = RedisStorageSettings.of("redis://:s3cret-pw@redis.local:7000/2");

        assertThat(settings.toString()).contains("redis://:***@redis.local:7000/2").doesNotContain("s3cret-pw");
    }
}
