package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.cluster.SessionOwnership;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.service.WillService;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionConnection;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StorageWriter;
import dev.tern.domain.will.Will;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The old owner's side of a takeover across nodes: another node claimed a client id this node
 * holds. The connection is closed as on a local takeover (MQTT 5: DISCONNECT 0x8E), the will is
 * handled as a local takeover would, the session leaves this node without being ended in the
 * store, and once the storage writer has committed what was queued for it the new owner hears
 * {@link ClusterSignal.Released}. A session that goes on there has its relay window opened first
 * ({@link HandoverRelay}), one turn of the session's executor before it leaves, so that whatever
 * was routed to it before the relay started still reaches it here. A claim older than the one this node holds lost already: it is
 * answered at once and nothing is given up.
 *
 * <p>Threading: {@link #takeOver} runs on the cluster executor, inside the id's turn; the session
 * work runs on the session's executor.
 */
final class RemoteTakeOver {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteTakeOver.class);

    private final SessionRegistry sessions;
    private final OwnedEpochs epochs;
    private final ClientIdTurns turns;
    private final LocalSessionRemoval removal;
    private final WillService wills;
    private final StorageWriter writer;
    private final MessageForwarding forwarding;
    private final SessionOwnership ownership;
    private final HandoverRelay relay;
    private final TaskExecutor clusterExecutor;

    RemoteTakeOver(SessionRegistry sessions, OwnedEpochs epochs, ClientIdTurns turns, LocalSessionRemoval removal,
            WillService wills, StorageWriter writer, MessageForwarding forwarding, SessionOwnership ownership,
            HandoverRelay relay, TaskExecutor clusterExecutor) {
        this.sessions = sessions;
        this.epochs = epochs;
        this.turns = turns;
        this.removal = removal;
        this.wills = wills;
        this.writer = writer;
        this.forwarding = forwarding;
        this.ownership = ownership;
        this.relay = relay;
        this.clusterExecutor = clusterExecutor;
    }

    /** Waits for the turn of the id: a connect of it under way here settles first. */
    void takeOver(ClusterSignal.TakeOver signal) {
        if (epochs.epochOf(signal.clientId()) > signal.epoch()) {
            answer(signal);
            return;
        }
        turns.take(signal.clientId(), () -> inTurn(signal));
    }

    private void inTurn(ClusterSignal.TakeOver signal) {
        String clientId = signal.clientId();
        long held = epochs.epochOf(clientId);
        ClientSession session = sessions.get(clientId);
        if (held > signal.epoch() || session == null) {
            answer(signal);
            turns.done(clientId);
            return;
        }
        session.executor().execute(() -> {
            if (!session.isEnded() && goesOn(session, signal)) {
                // Until the new owner's routes are known everywhere, what still reaches this node for
                // the session is relayed to it (docs/cluster.md, 3.4).
                relay.handedOver(session, signal.newOwner());
            }
            // Behind the deliveries routed here before the relay started: they reach the session (and
            // its store, which the new owner loads) before it leaves.
            session.executor().execute(() -> {
                if (!session.isEnded()) {
                    letGo(session, signal);
                }
                writer.afterPendingWrites(() -> clusterExecutor.execute(() -> {
                    answer(signal);
                    if (held != 0 && epochs.remove(clientId, held)) {
                        giveUpEpoch(clientId, held);
                    }
                    turns.done(clientId);
                }));
            });
        });
    }

    /** As SessionAttachService decides for a local takeover: a session with expiry 0 is never resumed. */
    private static boolean goesOn(ClientSession session, ClusterSignal.TakeOver signal) {
        return signal.sessionPresent() && !session.state().expiry().endsAtDisconnect();
    }

    private void letGo(ClientSession session, ClusterSignal.TakeOver signal) {
        boolean sessionPresent = goesOn(session, signal);
        SessionConnection connection = (SessionConnection) session.connection();
        if (connection != null) {
            LOG.info("{}: session taken over by a connection on node {}", session.clientId(), signal.newOwner());
            session.detach(connection);
            connection.takenOver();
            Will will = session.state().takeWill();
            if (will != null && (will.delaySeconds() == 0 || !sessionPresent)) {
                wills.publish(session.clientId(), will);
            }
        }
        Will pending = session.takePendingWill();
        if (pending != null && !sessionPresent) {
            wills.publish(session.clientId(), pending);
        }
        removal.remove(session);
    }

    private void answer(ClusterSignal.TakeOver signal) {
        forwarding.signal(signal.newOwner(), new ClusterSignal.Released(signal.clientId(), signal.epoch()));
    }

    /** The new owner's claim superseded ours, so this only drops the epoch the backend holds for us. */
    private void giveUpEpoch(String clientId, long epoch) {
        try {
            ownership.release(clientId, epoch);
        } catch (RuntimeException e) {
            LOG.warn("{}: could not drop the epoch of a session handed over: {}", clientId, e.toString());
        }
    }
}
