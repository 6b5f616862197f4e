package dev.tern.bootstrap.security;

import dev.tern.application.port.in.admin.FileReload;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the password and ACL files current: checks their modification time every {@code period}
 * and re-reads them all on SIGHUP.
 *
 * <p>Polling rather than a {@code WatchService}: the files are often replaced by rename (editors,
 * configuration management, {@code tern passwd} itself) or live on mounted volumes, where watch
 * events are unreliable; one {@code stat} per file per second costs nothing.
 *
 * <p>SIGHUP uses {@code sun.misc.Signal} (module jdk.unsupported, present in OpenJDK and its
 * derivatives). Where it is missing, or the JVM already uses SIGHUP, reloading falls back to
 * polling alone and says so once.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} from the lifecycle thread; reloads run on one
 * daemon thread of its own, on the JVM's signal thread and, through {@link #reloadNow()}, on the
 * admin listener's workers; each file serializes its own reloads.
 */
public final class SecurityFilesWatcher {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilesWatcher.class);

    private final List<ReloadingFile<?>> files;
    private final Duration period;
    private final Runnable onSighup = this::reloadAll;
    private ScheduledExecutorService poller;

    public SecurityFilesWatcher(List<ReloadingFile<?>> files, Duration period) {
        this.files = List.copyOf(files);
        this.period = period;
    }

    public synchronized void start() {
        if (poller != null || files.isEmpty()) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tern-security-files");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleWithFixedDelay(this::reloadChanged, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        SighupHandler.install(onSighup);
    }

    public synchronized void stop() {
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
            SighupHandler.uninstall(onSighup);
        }
    }

    private void reloadChanged() {
        for (ReloadingFile<?> file : files) {
            try {
                file.reloadIfChanged();
            } catch (RuntimeException e) {
                LOG.warn("Checking {} failed: {}", file.path(), e.toString());
            }
        }
    }

    private void reloadAll() {
        LOG.info("SIGHUP: reloading security files");
        reloadNow();
    }

    /** Re-reads every file at once, on the calling thread (the signal thread, an admin worker). */
    public List<FileReload> reloadNow() {
        return files.stream().map(ReloadingFile::reload).toList();
    }
}
