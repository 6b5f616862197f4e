package dev.tern.adapters.storage.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for tests: the one at {@code REDIS_URL} when that is set, otherwise a
 * {@code redis-server} from the PATH started once per test run on a free port, without
 * persistence, in a temporary directory, and stopped when the run ends. Without either the tests
 * fail, never skip: a storage adapter whose tests silently skip is untested.
 *
 * <p>Use: {@code @RegisterExtension static final RedisServerExtension REDIS = new RedisServerExtension();}
 * and {@link #url()} in the tests. Tests share the server, so each uses a key prefix of its own.
 *
 * <p>Threading: JUnit calls {@link #beforeAll} on its own thread; {@link #url()} is safe after it.
 */
public final class RedisServerExtension implements BeforeAllCallback {

    static final String INSTALL_HINT = "apt-get install -y redis-server";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RedisServerExtension.class);
    private static final int START_ATTEMPTS = 5;

    private volatile String url;

    @Override
    public void beforeAll(ExtensionContext context) {
        // Stored in the root context: one server for the whole run, closed when the run ends.
        Server server = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Server.class, type -> Server.startOrFind(), Server.class);
        url = server.url;
    }

    /** The url of the Redis to use, after {@code beforeAll}. */
    public String url() {
        if (url == null) {
            throw new IllegalStateException("register RedisServerExtension with @RegisterExtension on a static field");
        }
        return url;
    }

    /** A running Redis: one this extension started, or an external one it leaves alone. */
    static final class Server implements AutoCloseable {
        private final String url;
        private final Process process;
        private final Path directory;

        private Server(String url, Process process, Path directory) {
            this.url = url;
            this.process = process;
            this.directory = directory;
        }

        static Server startOrFind() {
            String external = System.getenv("REDIS_URL");
            if (external != null && !external.isBlank()) {
                return new Server(external, null, null);
            }
            Path executable = findOnPath("redis-server", System.getenv().getOrDefault("PATH", ""));
            IllegalStateException lastFailure = null;
            // A free port can be taken between choosing it and redis-server binding it: try again.
            for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
                try {
                    return start(executable, freePort());
                } catch (IllegalStateException e) {
                    lastFailure = e;
                }
            }
            throw lastFailure;
        }

        private static Server start(Path executable, int port) {
            Path directory = null;
            try {
                directory = Files.createTempDirectory("tern-redis-test");
                Path log = directory.resolve("redis.log");
                Process process = new ProcessBuilder(executable.toString(), "--port", Integer.toString(port),
                        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (System.nanoTime() < deadline) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("redis-server on port " + port + " exited: "
                                + Files.readString(log, StandardCharsets.UTF_8));
                    }
                    if (answersPing(port)) {
                        return new Server("redis://127.0.0.1:" + port, process, directory);
                    }
                    Thread.sleep(20);
                }
                process.destroyForcibly();
                throw new IllegalStateException("redis-server on port " + port + " did not answer PING within 10 s");
            } catch (IOException e) {
                deleteQuietly(directory);
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting redis-server", e);
            }
        }

        private static boolean answersPing(int port) {
            try (RespClient client = new RespClient("127.0.0.1", port, 500)) {
                return "PONG".equals(client.call("PING"));
            } catch (IOException | RuntimeException notYet) {
                return false;
            }
        }

        /** The executable {@code name} in one of the directories of {@code path}, or a failure saying how to install it. */
        static Path findOnPath(String name, String path) {
            for (String entry : path.split(File.pathSeparator)) {
                Path candidate = Path.of(entry, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("The Redis storage tests need a real Redis: set REDIS_URL, or install "
                    + "redis-server so that it is on the PATH (Debian/Ubuntu: " + INSTALL_HINT + ").");
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (process == null) {
                return;
            }
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            deleteQuietly(directory);
        }

        private static void deleteQuietly(Path directory) {
            if (directory == null) {
                return;
            }
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException ignored) {
                // A leftover temporary directory is harmless.
            }
        }
    }
}
