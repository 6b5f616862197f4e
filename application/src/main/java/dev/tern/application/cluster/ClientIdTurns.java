package dev.tern.application.cluster;

import dev.tern.application.port.out.TaskExecutor;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One turn at a time per client id for the cluster work of this node: a connect's claim, wait and
 * load, and the handing over of a session to another node. A turn may span several tasks (it waits
 * for a release or a flush); later turns of the same id wait for it, others do not.
 *
 * <p>Threading: confined to the cluster executor; a turn must end with {@link #done} there.
 */
final class ClientIdTurns {

    private final TaskExecutor clusterExecutor;
    private final Map<String, ArrayDeque<Runnable>> waiting = new HashMap<>();

    ClientIdTurns(TaskExecutor clusterExecutor) {
        this.clusterExecutor = clusterExecutor;
    }

    /** Runs {@code turn} now if no turn of {@code clientId} is under way, else after those before it. */
    void take(String clientId, Runnable turn) {
        ArrayDeque<Runnable> queue = waiting.get(clientId);
        if (queue == null) {
            waiting.put(clientId, new ArrayDeque<>());
            turn.run();
        } else {
            queue.add(turn);
        }
    }

    /** The turn of {@code clientId} under way is over; the next one starts as a task of its own. */
    void done(String clientId) {
        ArrayDeque<Runnable> queue = waiting.get(clientId);
        if (queue == null) {
            return;
        }
        Runnable next = queue.poll();
        if (next == null) {
            waiting.remove(clientId);
        } else {
            clusterExecutor.execute(next);
        }
    }

    /** Whether a turn of {@code clientId} is under way. */
    boolean busy(String clientId) {
        return waiting.containsKey(clientId);
    }
}
