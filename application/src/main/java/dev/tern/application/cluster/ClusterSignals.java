package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.out.TaskExecutor;

/**
 * Where the signals another node sends about sessions arrive ({@code ForwardReceiver.signal}
 * hands them here): a {@link ClusterSignal.TakeOver} makes this node let the session go, a
 * {@link ClusterSignal.Released} lets a connect waiting here go on.
 *
 * <p>Threading: {@link #onSignal} is called on the backend's threads and does not block.
 */
public final class ClusterSignals {

    private final RemoteTakeOver takeOver;
    private final SessionHandover handover;
    private final TaskExecutor clusterExecutor;

    ClusterSignals(RemoteTakeOver takeOver, SessionHandover handover, TaskExecutor clusterExecutor) {
        this.takeOver = takeOver;
        this.handover = handover;
        this.clusterExecutor = clusterExecutor;
    }

    public void onSignal(ClusterSignal signal) {
        if (signal instanceof ClusterSignal.TakeOver request) {
            clusterExecutor.execute(() -> takeOver.takeOver(request));
        } else if (signal instanceof ClusterSignal.Released released) {
            handover.released(released);
        }
    }
}
