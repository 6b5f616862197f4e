package dev.tern.adapters.storage.redis;

import java.nio.file.Path;
import java.util.List;
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
        private final RedisProcess process;

        private Server(String url, RedisProcess process) {
            this.url = url;
            this.process = process;
        }

        static Server startOrFind() {
            String external = System.getenv("REDIS_URL");
            if (external != null && !external.isBlank()) {
                return new Server(external, null);
            }
            Path executable = findOnPath("redis-server", System.getenv().getOrDefault("PATH", ""));
            RedisProcess process = RedisProcess.start(executable, (port, directory) -> primaryArguments(port, directory));
            return new Server("redis://127.0.0.1:" + process.port(), process);
        }

        /** A redis-server on 127.0.0.1 without persistence, working in {@code directory}. */
        static List<String> primaryArguments(int port, Path directory) {
            return List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                    "--dir", directory.toString());
        }

        /** The executable {@code name} in one of the directories of {@code path}, or a failure saying how to install it. */
        static Path findOnPath(String name, String path) {
            return RedisProcess.findOnPath(name, path, "The Redis storage tests need a real Redis: set REDIS_URL, or "
                    + "install redis-server so that it is on the PATH (Debian/Ubuntu: " + INSTALL_HINT + ").");
        }

        @Override
        public void close() {
            if (process != null) {
                process.close();
            }
        }
    }
}
