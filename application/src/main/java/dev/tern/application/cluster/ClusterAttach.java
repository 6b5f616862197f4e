package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.cluster.NodeLeases;
import dev.tern.application.port.cluster.SessionOwnership;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.service.ConnectGate;
import dev.tern.application.service.SessionAttachService.AttachRequest;
import dev.tern.application.session.SessionConnection;
import dev.tern.application.session.SessionRegistry;
import dev.tern.domain.will.Will;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A CONNECT on a cluster node takes its client id over from whichever node owned it
 * (docs/cluster.md): claim a new epoch; if a live node owned the id, ask it to let go
 * ({@link ClusterSignal.TakeOver}) and wait for its {@link ClusterSignal.Released}, at most the
 * handover timeout; seal; load the stored session unless this node holds it already; then attach
 * here as on a single node. A connect whose seal fails lost to a later claim and is closed as taken
 * over. Connects of one client id on this node take turns, so the later one finds the earlier's
 * session here and takes it over locally.
 *
 * <p>Threading: {@link #admit} is called on the connection's executor and only queues work; the
 * claim, seal and load block on the cluster executor; the wait for the release blocks nothing.
 */
public final class ClusterAttach implements ConnectGate {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterAttach.class);

    private final String nodeId;
    private final SessionOwnership ownership;
    private final NodeLeases leases;
    private final MessageForwarding forwarding;
    private final SessionHandover handover;
    private final OwnedEpochs epochs;
    private final ClientIdTurns turns;
    private final SessionRegistry sessions;
    private final StoredSessionTakeOver storedSession;
    private final UnreleasedTakeovers unreleased;
    private final ClusterSessions.Handovers handovers;
    private final TaskExecutor clusterExecutor;

    ClusterAttach(String nodeId, SessionOwnership ownership, NodeLeases leases, MessageForwarding forwarding,
            SessionHandover handover, OwnedEpochs epochs, ClientIdTurns turns, SessionRegistry sessions,
            StoredSessionTakeOver storedSession, UnreleasedTakeovers unreleased, ClusterSessions.Handovers handovers,
            TaskExecutor clusterExecutor) {
        this.nodeId = nodeId;
        this.ownership = ownership;
        this.leases = leases;
        this.forwarding = forwarding;
        this.handover = handover;
        this.epochs = epochs;
        this.turns = turns;
        this.sessions = sessions;
        this.storedSession = storedSession;
        this.unreleased = unreleased;
        this.handovers = handovers;
        this.clusterExecutor = clusterExecutor;
    }

    private record Connect(AttachRequest request, SessionConnection connection, TaskExecutor connectionExecutor,
            Runnable attach) {
        String clientId() {
            return request.clientId();
        }
    }

    @Override
    public void admit(AttachRequest request, SessionConnection connection, TaskExecutor connectionExecutor,
            Runnable attach) {
        Connect connect = new Connect(request, connection, connectionExecutor, attach);
        clusterExecutor.execute(() -> turns.take(request.clientId(), () -> claim(connect)));
    }

    private void claim(Connect connect) {
        String clientId = connect.clientId();
        SessionOwnership.Claim claim;
        boolean previousAlive;
        try {
            claim = ownership.claim(clientId);
            epochs.held(clientId, claim.epoch());
            previousAlive = claim.hadOwner() && !claim.previousOwner().equals(nodeId)
                    && leases.liveNodes().contains(claim.previousOwner());
        } catch (RuntimeException e) {
            fail(connect, e);
            turns.done(clientId);
            return;
        }
        // Back here within its relay window: nothing of it is relayed elsewhere any more.
        handovers.relay().cancel(clientId);
        if (!previousAlive) {
            settle(connect, claim, false, false);
            return;
        }
        // The previous owner relays what reaches it for the session once it lets go: it waits here until loaded.
        handovers.arrivals().arriving(clientId);
        ClusterSignal.TakeOver takeOver =
                new ClusterSignal.TakeOver(clientId, nodeId, claim.epoch(), !connect.request().cleanStart());
        handover.awaitRelease(clientId, claim.epoch()).whenComplete((released, failure) -> {
            boolean inTime = Boolean.TRUE.equals(released);
            if (!inTime) {
                LOG.warn("{}: node {} did not release the session in time; taking it over anyway", clientId,
                        claim.previousOwner());
            }
            clusterExecutor.execute(() -> {
                settle(connect, claim, true, inTime);
                if (!inTime && epochs.holds(clientId, claim.epoch())) {
                    // Signals are at most once: if the request was lost, the old node still has the
                    // client connected. Asked again after the seal, it lets go (its writes are fenced already).
                    forwarding.signal(claim.previousOwner(), takeOver);
                }
            });
        });
        forwarding.signal(claim.previousOwner(), takeOver);
    }

    /**
     * Seals the claim and loads what the store holds unless this node has the session already.
     *
     * @param liveOwnerAsked whether a live previous owner was asked to let go: it deals with the
     *                       session's will, so the stored one is not this node's to fire, unless
     *                       that owner never answered and departs ({@link UnreleasedTakeovers})
     * @param released       whether it answered in time
     */
    private void settle(Connect connect, SessionOwnership.Claim claim, boolean liveOwnerAsked, boolean released) {
        String clientId = connect.clientId();
        try {
            // Not held any more: this node's lease was lost meanwhile, and with it every claim.
            if (!epochs.holds(clientId, claim.epoch()) || !ownership.seal(clientId, claim.epoch())) {
                epochs.remove(clientId, claim.epoch());
                handovers.arrivals().abandoned(clientId);
                // No owner any more with this epoch: this only drops the epoch the backend holds for us.
                ownership.release(clientId, claim.epoch());
                LOG.info("{}: a later connect elsewhere took the session; closing this one", clientId);
                connect.connectionExecutor().execute(() -> connect.connection().abort(ReasonCode.SESSION_TAKEN_OVER,
                        "session taken over by a later connect on another node"));
                return;
            }
            if (sessions.get(clientId) == null) {
                Will leftToOwner = storedSession.load(clientId, connect.request().cleanStart(), !liveOwnerAsked,
                        connect.connectionExecutor());
                if (claim.hadOwner() && !claim.previousOwner().equals(nodeId) && !released) {
                    // Its owner may be dead: if it departs, its drained messages and this will are ours.
                    unreleased.taken(claim.previousOwner(), clientId, leftToOwner);
                }
            }
            // Its subscriptions are in the index now: relays from its previous owner go to it.
            handovers.arrivals().arrived(clientId);
            connect.attach().run();
        } catch (RuntimeException e) {
            epochs.remove(clientId, claim.epoch());
            handovers.arrivals().abandoned(clientId);
            fail(connect, e);
        } finally {
            turns.done(clientId);
        }
    }

    private static void fail(Connect connect, RuntimeException e) {
        LOG.warn("{}: cluster backend failed during connect, closing the connection: {}", connect.clientId(),
                e.toString());
        connect.connectionExecutor().execute(() -> connect.connection().abort(ReasonCode.SERVER_UNAVAILABLE,
                "cluster backend unavailable"));
    }
}
