package dev.tern.application.cluster;

import dev.tern.application.port.cluster.SessionOwnership;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.service.SessionEndHook;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StorageWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a client id up in the cluster when its session ended for good here (expiry 0 at
 * disconnect, or expiry passed), once the deletes of its end are committed: the next connect of
 * the id anywhere then finds no owner to ask. Not when a connect of the id is under way here or
 * already attached a new session: that one owns the id now.
 *
 * <p>Threading: {@link #ended} runs on the session's executor and only queues; the release runs
 * on the cluster executor.
 */
final class OwnershipRelease implements SessionEndHook {

    private static final Logger LOG = LoggerFactory.getLogger(OwnershipRelease.class);

    private final StorageWriter writer;
    private final SessionOwnership ownership;
    private final OwnedEpochs epochs;
    private final ClientIdTurns turns;
    private final SessionRegistry sessions;
    private final TaskExecutor clusterExecutor;

    OwnershipRelease(StorageWriter writer, SessionOwnership ownership, OwnedEpochs epochs, ClientIdTurns turns,
            SessionRegistry sessions, TaskExecutor clusterExecutor) {
        this.writer = writer;
        this.ownership = ownership;
        this.epochs = epochs;
        this.turns = turns;
        this.sessions = sessions;
        this.clusterExecutor = clusterExecutor;
    }

    @Override
    public void ended(String clientId) {
        writer.afterPendingWrites(() -> clusterExecutor.execute(() -> release(clientId)));
    }

    private void release(String clientId) {
        long epoch = epochs.epochOf(clientId);
        if (epoch == 0 || turns.busy(clientId) || sessions.get(clientId) != null) {
            return;
        }
        epochs.remove(clientId, epoch);
        try {
            ownership.release(clientId, epoch);
        } catch (RuntimeException e) {
            // The id stays owned by this node until a connect claims it; nothing is lost.
            LOG.warn("{}: could not release the session's ownership: {}", clientId, e.toString());
        }
    }
}
