package dev.tern.bootstrap;

import dev.tern.bootstrap.security.SecurityFiles;
import dev.tern.bootstrap.security.SecurityFilesWatcher;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads security needs besides the event loops: a small pool that computes password hashes
 * (so an event loop never does) and the watcher that reloads the password and ACL files. Started
 * with the listeners, so stopping the broker ends these threads as well.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} from the lifecycle thread; {@link #verifier()}
 * from any thread.
 */
final class SecurityRuntime implements Listener {

    /** Two threads: a login burst queues rather than taking every core from the event loops. */
    private static final int VERIFIER_THREADS = 2;
    private static final Duration POLL_PERIOD = Duration.ofSeconds(1);

    private final SecurityFilesWatcher watcher;
    private final ExecutorService verifier;

    SecurityRuntime(SecurityFiles files) {
        this.watcher = new SecurityFilesWatcher(files.all(), POLL_PERIOD);
        AtomicInteger count = new AtomicInteger();
        // A fixed pool starts its threads on the first task, so an unused one costs nothing.
        this.verifier = Executors.newFixedThreadPool(VERIFIER_THREADS, runnable -> {
            Thread thread = new Thread(runnable, "tern-password-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    ExecutorService verifier() {
        return verifier;
    }

    @Override
    public String name() {
        return "security";
    }

    @Override
    public void start() {
        watcher.start();
    }

    @Override
    public String address() {
        return "files " + watcher.describe();
    }

    @Override
    public int port() {
        return 0;
    }

    @Override
    public void stop() {
        watcher.stop();
        verifier.shutdownNow();
    }
}
