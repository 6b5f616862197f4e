package dev.tern.bootstrap.security;

import dev.tern.application.port.in.admin.FileReload;
import dev.tern.application.port.plugin.Lifecycle;
import dev.tern.application.port.plugin.Reloadable;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * What a security provider runs besides the event loops: the watcher that keeps its files current
 * and, for password checks, the pool that computes hashes so that an event loop never does.
 *
 * <p>Threading: started and stopped from the lifecycle thread; {@link #reload()} from any thread.
 */
final class WatchedFiles implements Lifecycle, Reloadable {

    private static final Duration POLL_PERIOD = Duration.ofSeconds(1);

    private final SecurityFilesWatcher watcher;
    private final ExecutorService pool;

    /** @param pool shut down at stop; null when the provider has none */
    WatchedFiles(List<ReloadingFile<?>> files, ExecutorService pool) {
        this.watcher = new SecurityFilesWatcher(files, POLL_PERIOD);
        this.pool = pool;
    }

    @Override
    public void start() {
        watcher.start();
    }

    @Override
    public List<FileReload> reload() {
        return watcher.reloadNow();
    }

    @Override
    public void stop() {
        watcher.stop();
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
