package dev.tern.adapters.storage.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Sentinel setup for tests: a {@code redis-server} primary and one {@code redis-sentinel}
 * monitoring it as master {@code tern}, both on free ports, started once per test run and stopped
 * when it ends, plus a Redisson YAML file ({@code sentinelServersConfig}) that reaches the primary
 * through the sentinel. Without the binaries the tests fail, naming the install command.
 *
 * <p>Threading: JUnit calls {@link #beforeAll} on its own thread; the accessors are safe after it.
 */
public final class SentinelExtension implements BeforeAllCallback {

    static final String MASTER_NAME = "tern";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SentinelExtension.class);

    private volatile Setup setup;

    @Override
    public void beforeAll(ExtensionContext context) {
        setup = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Setup.class, type -> Setup.start(), Setup.class);
    }

    /** The Redisson YAML configuration that reaches the primary through the sentinel. */
    public Path redissonConfig() {
        return started().redissonConfig;
    }

    /** A client straight to the primary, to look at what the stores wrote. */
    RespClient primary() {
        return started().primary.client();
    }

    /** A client to the sentinel. */
    RespClient sentinel() {
        return started().sentinel.client();
    }

    private Setup started() {
        if (setup == null) {
            throw new IllegalStateException("register SentinelExtension with @RegisterExtension on a static field");
        }
        return setup;
    }

    /** The running primary and sentinel. */
    static final class Setup implements AutoCloseable {
        private final RedisProcess primary;
        private final RedisProcess sentinel;
        private final Path redissonConfig;

        private Setup(RedisProcess primary, RedisProcess sentinel, Path redissonConfig) {
            this.primary = primary;
            this.sentinel = sentinel;
            this.redissonConfig = redissonConfig;
        }

        static Setup start() {
            Path server = RedisServerExtension.Server.findOnPath("redis-server", System.getenv().getOrDefault("PATH", ""));
            Path sentinelBinary = RedisProcess.findOnPath("redis-sentinel", "The Sentinel tests need redis-sentinel "
                    + "on the PATH (Debian/Ubuntu: apt-get install -y redis-sentinel).");
            RedisProcess primary = RedisProcess.start(server, RedisServerExtension.Server::primaryArguments);
            RedisProcess sentinel = null;
            try {
                sentinel = RedisProcess.start(sentinelBinary, (port, directory) ->
                        List.of(writeSentinelConf(port, directory, primary.port()).toString()));
                List<String> primaryAddress = List.of("127.0.0.1", Integer.toString(primary.port()));
                sentinel.awaitReply(Duration.ofSeconds(10), primaryAddress::equals, "the primary's address",
                        "SENTINEL", "get-master-addr-by-name", MASTER_NAME);
                Path yaml = writeRedissonConfig(sentinel.port(), sentinel.directory());
                return new Setup(primary, sentinel, yaml);
            } catch (RuntimeException e) {
                if (sentinel != null) {
                    sentinel.close();
                }
                primary.close();
                throw e;
            }
        }

        // Sentinel rewrites its configuration file, so it lives in the sentinel's own directory.
        private static Path writeSentinelConf(int port, Path directory, int primaryPort) {
            String conf = "port " + port + "\n"
                    + "bind 127.0.0.1\n"
                    + "dir " + directory + "\n"
                    + "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + primaryPort + " 1\n";
            return write(directory.resolve("sentinel.conf"), conf);
        }

        private static Path writeRedissonConfig(int sentinelPort, Path directory) {
            // One sentinel only: Redisson would otherwise insist on discovering others.
            String yaml = "sentinelServersConfig:\n"
                    + "  masterName: " + MASTER_NAME + "\n"
                    + "  sentinelAddresses:\n"
                    + "    - \"redis://127.0.0.1:" + sentinelPort + "\"\n"
                    + "  checkSentinelsList: false\n"
                    + "  timeout: 3000\n"
                    + "  connectTimeout: 3000\n";
            return write(directory.resolve("redisson.yaml"), yaml);
        }

        private static Path write(Path file, String text) {
            try {
                return Files.writeString(file, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            sentinel.close();
            primary.close();
        }
    }
}
