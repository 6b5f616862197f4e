package dev.tern.bootstrap.security;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one SIGHUP handler, shared by every broker in the JVM (tests run several): each
 * registers what it reloads. Installed on first use; a JVM without {@code sun.misc.Signal}, or one
 * that reserves SIGHUP (as {@code -Xrs} does), simply has no signal-triggered reload.
 *
 * <p>Threading: thread-safe; callbacks run on the JVM's signal dispatch thread.
 */
final class SighupHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SighupHandler.class);
    private static final Set<Runnable> CALLBACKS = new CopyOnWriteArraySet<>();
    private static boolean installed;
    private static boolean unavailable;

    private SighupHandler() {
    }

    static synchronized void install(Runnable callback) {
        CALLBACKS.add(callback);
        if (installed || unavailable) {
            return;
        }
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> CALLBACKS.forEach(SighupHandler::run));
            installed = true;
        } catch (IllegalArgumentException | LinkageError | UnsupportedOperationException e) {
            unavailable = true;
            LOG.info("SIGHUP reload unavailable ({}); security files are still re-read when they change",
                    e.toString());
        }
    }

    static void uninstall(Runnable callback) {
        CALLBACKS.remove(callback);
    }

    private static void run(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("Reload on SIGHUP failed: {}", e.toString());
        }
    }
}
