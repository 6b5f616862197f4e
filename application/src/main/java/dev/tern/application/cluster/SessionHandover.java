package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.out.TaskExecutor;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connects of this node waiting for another node to release a client id: each waits for the
 * {@link ClusterSignal.Released} of its claim's epoch, at most the handover timeout (a node that
 * dies or misses the signal must not hold the client up for longer).
 *
 * <p>Threading: thread-safe; the timeouts run on the cluster executor, a release completes on the
 * thread that reports it. Nothing here blocks.
 */
public final class SessionHandover {

    private final TaskExecutor clusterExecutor;
    private final long timeoutMillis;
    private final Map<Waiting, CompletableFuture<Boolean>> waiting = new ConcurrentHashMap<>();

    private record Waiting(String clientId, long epoch) {
    }

    public SessionHandover(TaskExecutor clusterExecutor, Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("handover timeout must not be negative: " + timeout);
        }
        this.clusterExecutor = clusterExecutor;
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Starts waiting; call before signalling the previous owner. Completes with true when it
     * released the id, false when the timeout passed first.
     */
    CompletionStage<Boolean> awaitRelease(String clientId, long epoch) {
        Waiting key = new Waiting(clientId, epoch);
        CompletableFuture<Boolean> released = new CompletableFuture<>();
        waiting.put(key, released);
        TaskExecutor.Cancellable timer = clusterExecutor.schedule(() -> {
            if (waiting.remove(key, released)) {
                released.complete(false);
            }
        }, timeoutMillis);
        released.thenRun(timer::cancel);
        return released;
    }

    /** The previous owner released the id: the connect waiting for it goes on. A stale release is ignored. */
    void released(ClusterSignal.Released signal) {
        CompletableFuture<Boolean> released = waiting.remove(new Waiting(signal.clientId(), signal.epoch()));
        if (released != null) {
            released.complete(true);
        }
    }
}
