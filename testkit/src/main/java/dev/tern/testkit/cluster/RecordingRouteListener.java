package dev.tern.testkit.cluster;

import dev.tern.application.port.cluster.RouteListener;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Records what a {@link RouteListener} hears as lines ({@code added a x/#}, {@code removed a x/#},
 * {@code node-removed a}, {@code resync}).
 *
 * <p>Threading: callbacks from any thread; {@link #next} on the test thread.
 */
public final class RecordingRouteListener implements RouteListener {

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @Override
    public void added(String nodeId, String filter) {
        heard.add("added " + nodeId + " " + filter);
    }

    @Override
    public void removed(String nodeId, String filter) {
        heard.add("removed " + nodeId + " " + filter);
    }

    @Override
    public void nodeRemoved(String nodeId) {
        heard.add("node-removed " + nodeId);
    }

    @Override
    public void resync() {
        heard.add("resync");
    }

    /** The next line heard, waiting a bounded time. */
    public String next() {
        return Awaited.next(heard, "route change");
    }

    /** Waits for {@code resync}, skipping the changes heard before it. */
    public void awaitResync() {
        String line = next();
        while (!line.equals("resync")) {
            line = next();
        }
    }

    /** The next line heard other than {@code resync} (a backend may resync at any time). */
    public String nextChange() {
        String line = next();
        while (line.equals("resync")) {
            line = next();
        }
        return line;
    }
}
