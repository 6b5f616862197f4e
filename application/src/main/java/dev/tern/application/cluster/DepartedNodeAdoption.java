package dev.tern.application.cluster;

import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.cluster.NodeLeases;
import dev.tern.application.port.cluster.RouteTable;
import dev.tern.application.port.cluster.SessionOwnership;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.service.SessionAttachService;
import dev.tern.application.service.StoredSessionLoader;
import dev.tern.application.service.WillService;
import dev.tern.application.session.SessionRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts what departed nodes owned: each departed node that this node wins the claim for has its
 * sessions restored here offline from the store (a session stored as connected lost its
 * connection when its node did: its will fires as at a non-graceful disconnect, and its Will Delay
 * and expiry count from now), its routes removed, and its unsettled forwarded messages drained
 * to the sessions it held that are now here (adopted, or taken over here without a release).
 * Departed nodes whose sessions this node took over are claimed at once, the others a round later. Also adopts this node's own orphans: sessions the backend says this node
 * owns but that it does not hold (after a restart with the same id, or after its lease was lost).
 *
 * <p>Threading: {@link #run} runs on the cluster executor (it blocks on the backend and the store);
 * so does the second half of an adoption (route removal and drain), queued there once this node's
 * own route changes are written.
 */
public final class DepartedNodeAdoption {

    private static final Logger LOG = LoggerFactory.getLogger(DepartedNodeAdoption.class);

    private final String nodeId;
    private final NodeLeases leases;
    private final SessionOwnership ownership;
    private final RouteTable routes;
    private final MessageForwarding forwarding;
    private final DrainTarget receiver;
    private final UnreleasedTakeovers takeovers;
    private final OwnedEpochs epochs;
    private final ClientIdTurns turns;
    private final SessionRegistry sessions;
    private final StoredSessionLoader loader;
    private final SessionAttachService sessionAttach;
    private final WillService wills;
    private final TaskExecutor offlineOwner;
    private final Clock clock;
    private final Consumer<Runnable> ownRoutesWritten;
    private final RenewalStreak streak;
    /** Set at start and after a lost lease: look for this node's own orphans on the next run. */
    private final AtomicBoolean ownOrphans = new AtomicBoolean(true);
    /** Departed nodes seen in an earlier round that this node let a node holding their sessions adopt first. */
    private final Set<String> deferred = new HashSet<>();

    DepartedNodeAdoption(String nodeId, NodeLeases leases, SessionOwnership ownership, RouteTable routes,
            MessageForwarding forwarding, DrainTarget receiver, UnreleasedTakeovers takeovers,
            OwnedEpochs epochs, ClientIdTurns turns,
            SessionRegistry sessions, StoredSessionLoader loader, SessionAttachService sessionAttach,
            WillService wills, TaskExecutor offlineOwner, Clock clock, Consumer<Runnable> ownRoutesWritten,
            RenewalStreak streak) {
        this.nodeId = nodeId;
        this.leases = leases;
        this.ownership = ownership;
        this.routes = routes;
        this.forwarding = forwarding;
        this.receiver = receiver;
        this.takeovers = takeovers;
        this.epochs = epochs;
        this.turns = turns;
        this.sessions = sessions;
        this.loader = loader;
        this.sessionAttach = sessionAttach;
        this.wills = wills;
        this.offlineOwner = offlineOwner;
        this.clock = clock;
        this.ownRoutesWritten = ownRoutesWritten;
        this.streak = streak;
    }

    /** This node's sessions were dropped (lease lost): adopt what it still owns on the next run. */
    void lookForOwnOrphans() {
        ownOrphans.set(true);
    }

    /**
     * One round: every departed node this node wins, unless its own renewals broke within the last
     * lease (the others may not have renewed yet after an outage of the backend); then this node's
     * own orphans if due.
     */
    public void run() {
        if (streak.steady()) {
            adoptDeparted();
        }
        if (ownOrphans.getAndSet(false)) {
            int adopted = adoptSessionsOf(nodeId);
            if (adopted > 0) {
                LOG.info("took back {} sessions this node owned but did not hold", adopted);
            }
        }
    }

    private void adoptDeparted() {
        Set<String> departed = leases.departedNodes();
        publishWillsLeftToDeadOwners();
        for (String node : departed) {
            // Never this node: while it runs, its lease renewal finds out that it departed, drops
            // what it held and joins again; its routes and messages must not be taken from it.
            if (node.equals(nodeId)) {
                continue;
            }
            // A node that took sessions over from the departed one claims it at once, so that its
            // drained messages reach them here; the others give it one round to do so.
            if (!takeovers.anyFrom(node) && deferred.add(node)) {
                continue;
            }
            if (leases.claimDeparted(node)) {
                adopt(node);
            }
        }
        deferred.retainAll(departed);
        // Adopted elsewhere (no longer departed nor live): its messages went there.
        for (String node : takeovers.nodes()) {
            if (!departed.contains(node) && !leases.liveNodes().contains(node)) {
                takeovers.forget(node);
            }
        }
    }

    /**
     * The stored wills of connections whose node did not answer a takeover here and has departed
     * since: it never handled them (docs/cluster.md, 3.4).
     */
    private void publishWillsLeftToDeadOwners() {
        if (takeovers.nodes().isEmpty()) {
            return;
        }
        takeovers.takeWills(leases.liveNodes()).forEach(wills::publish);
    }

    private void adopt(String node) {
        LOG.info("node {} departed; adopting its sessions, messages and routes", node);
        Map<String, Long> held = new HashMap<>(takeovers.sessionsFrom(node));
        int adopted = adoptSessionsOf(node, held);
        // Its routes go only once this node's routes for the sessions it adopted are in the table, so
        // that a publisher anywhere always finds one of the two (docs/cluster.md, 3.5); then, before
        // the drain, so that no message is sent to its inbox after the drain read it (the drain reads
        // again for sends that were already on their way).
        ownRoutesWritten.accept(() -> removeRoutesAndDrain(node, held, adopted));
    }

    /** On the cluster executor, once this node's routes for {@code node}'s sessions are written. */
    private void removeRoutesAndDrain(String node, Map<String, Long> held, int adopted) {
        try {
            routes.removeNode(node);
            // Its messages go to the sessions it held, now here, not to every subscriber of this node:
            // those that matched here got their own copy from the publishing node.
            DrainTarget.Counts drained = new DrainTarget.Counts();
            forwarding.drainDeparted(node, receiver.drainingFor(held, drained));
            takeovers.forget(node);
            LOG.info("adopted node {}: {} sessions, {} sessions taken over here before; {}", node, adopted,
                    held.size() - adopted, drained);
        } catch (RuntimeException e) {
            // As before this step ran apart from the round: the node is claimed, nobody tries again.
            LOG.warn("adopting node {}: removing its routes or draining its inbox failed; what is left of them stays:"
                    + " {}", node, e.toString());
        }
    }

    private int adoptSessionsOf(String node) {
        return adoptSessionsOf(node, new HashMap<>());
    }

    /** @param adoptedSessions gets each session adopted, with the receiver's mark of when it came here */
    private int adoptSessionsOf(String node, Map<String, Long> adoptedSessions) {
        long now = clock.millis();
        int adopted = 0;
        for (String clientId : ownership.ownedBy(node)) {
            // Held by this run of the node (claimed by a connect, or adopted): not an orphan.
            if (epochs.epochOf(clientId) != 0 || turns.busy(clientId) || sessions.get(clientId) != null) {
                continue;
            }
            Optional<SessionOwnership.Claim> claim = ownership.claimFrom(clientId, node);
            if (claim.isPresent()) {
                epochs.held(clientId, claim.get().epoch());
                if (restore(clientId, claim.get().epoch(), now)) {
                    // Taken once its subscriptions are in the index: an id seen from now on reached it directly.
                    adoptedSessions.put(clientId, receiver.mark());
                    adopted++;
                }
            }
        }
        return adopted;
    }

    private boolean restore(String clientId, long epoch, long now) {
        StoredSessionLoader.Outcome outcome = loader.load(clientId, offlineOwner, now);
        if (outcome instanceof StoredSessionLoader.Restored restored) {
            restored.session().executor().execute(() -> sessionAttach.restoredOffline(restored.session(),
                    restored.will(), restored.disconnectedAtMillis()));
            return true;
        }
        if (outcome instanceof StoredSessionLoader.Expired expired && expired.will() != null) {
            wills.publish(clientId, expired.will());
        }
        // Nothing left to own: an expired session, or one that ended with its connection (expiry 0).
        epochs.remove(clientId, epoch);
        ownership.release(clientId, epoch);
        return false;
    }
}
