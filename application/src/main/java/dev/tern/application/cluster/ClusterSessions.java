package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.service.ConnectGate;
import dev.tern.application.service.SessionAttachService;
import dev.tern.application.service.SessionEndHook;
import dev.tern.application.service.StoredSessionLoader;
import dev.tern.application.service.SubscribeService;
import dev.tern.application.service.WillService;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.StateRecorder;
import dev.tern.application.storage.StorageWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Assembles the session side of a cluster node (docs/cluster.md) in the order the
 * services need it: the {@link #gate()} and {@link #endHook()} go into the session services, the
 * {@link #signals()} into the forward receiver, and {@link #membership} is made once the session
 * attach service exists.
 *
 * <p>Threading: built once, at start-up; the parts' own contracts apply from then on.
 */
public final class ClusterSessions {

    private final ClusterBackend backend;
    private final SessionRegistry sessions;
    private final WillService wills;
    private final StoredSessionLoader loader;
    private final TaskExecutor clusterExecutor;
    private final Clock clock;
    private final OwnedEpochs epochs = new OwnedEpochs();
    private final UnreleasedTakeovers unreleased = new UnreleasedTakeovers();
    private final ClientIdTurns turns;
    private final LocalSessionRemoval removal;
    private final ClusterAttach gate;
    private final OwnershipRelease endHook;
    private final ClusterSignals signals;
    private final Handovers handovers;

    /**
     * Both sides of a session's move between nodes, for the forward receiver: the relay of what
     * reaches this node for a session it handed over, and the arrivals of sessions handed over here.
     * Opaque outside this package: bootstrap only hands it from here to the forward receiver.
     */
    public static final class Handovers {
        private final HandoverRelay relay;
        private final HandoverArrivals arrivals;

        Handovers(HandoverRelay relay, HandoverArrivals arrivals) {
            if (relay == null || arrivals == null) {
                throw new IllegalArgumentException("handovers need a relay and arrivals");
            }
            this.relay = relay;
            this.arrivals = arrivals;
        }

        HandoverRelay relay() {
            return relay;
        }

        HandoverArrivals arrivals() {
            return arrivals;
        }
    }

    /**
     * @param writer          the storage writer of the backend's stores (its flush barrier orders a handover)
     * @param clusterExecutor one thread for connects, signals and adoption; it blocks on the backend
     * @param handoverTimeout how long a connect waits for the previous owner to release the session;
     *                        also how long after a handover relays for the session are taken here
     * @param relay           relays what reaches this node for a session it handed over (shared with the forwarder)
     */
    public ClusterSessions(ClusterBackend backend, SessionRegistry sessions, SubscribeService subscriptions,
            WillService wills, StateRecorder recorder, StorageWriter writer, StoredSessionLoader loader,
            TaskExecutor clusterExecutor, Duration handoverTimeout, Clock clock, HandoverRelay relay) {
        this.backend = backend;
        this.sessions = sessions;
        this.wills = wills;
        this.loader = loader;
        this.clusterExecutor = clusterExecutor;
        this.clock = clock;
        this.turns = new ClientIdTurns(clusterExecutor);
        this.removal = new LocalSessionRemoval(sessions, subscriptions, recorder);
        SessionHandover handover = new SessionHandover(clusterExecutor, handoverTimeout);
        this.handovers = new Handovers(relay, new HandoverArrivals(clusterExecutor, handoverTimeout.multipliedBy(3)));
        this.gate = new ClusterAttach(backend.nodeId(), backend.ownership(), backend.leases(), backend.forwarding(),
                handover, epochs, turns, sessions, new StoredSessionTakeOver(loader, wills, clock), unreleased,
                handovers, clusterExecutor);
        this.endHook = new OwnershipRelease(writer, backend.ownership(), epochs, turns, sessions, clusterExecutor);
        this.signals = new ClusterSignals(new RemoteTakeOver(sessions, epochs, turns, removal, wills, writer,
                backend.forwarding(), backend.ownership(), relay, clusterExecutor), handover, clusterExecutor);
    }

    /** For {@code SessionAttachService}: a connect takes its client id over from the cluster first. */
    public ConnectGate gate() {
        return gate;
    }

    /** For {@code SessionEndService}: a session that ended gives its client id up. */
    public SessionEndHook endHook() {
        return endHook;
    }

    /** For the forward receiver: relayed messages of sessions moving to and from this node. */
    public Handovers handovers() {
        return handovers;
    }

    /** For the forward receiver's {@code signal} callback. */
    public ClusterSignals signals() {
        return signals;
    }

    /**
     * Lease renewal and adoption, for a node without a routing side (its own routes are none of
     * its concern).
     *
     * @param receiver           the node's forward receiver: a departed node's drained messages go through it to the
     *                           sessions that node held
     * @param offlineOwner       owns adopted sessions until their clients connect ({@code tern-sessions})
     * @param membershipExecutor renews the lease; a thread of its own, so that no backlog delays a renewal
     * @param lease              the node's lease, as joined
     */
    public ClusterMembership membership(SessionAttachService sessionAttach, DrainTarget receiver,
            TaskExecutor offlineOwner, TaskExecutor membershipExecutor, Duration lease) {
        return membership(sessionAttach, receiver, offlineOwner, membershipExecutor, lease, () -> { }, Runnable::run);
    }

    /**
     * Lease renewal and adoption, with {@code rejoined} run after this node joins again following
     * a lost lease (the route sync's resync: the adopter removed this node's routes).
     *
     * @param afterRouteChanges runs its argument once every change of this node's routes queued so far is written
     *                          ({@code LocalRoutes#afterPendingChanges}): an adopter removes a departed node's
     *                          routes only once its own routes for the sessions it adopted are in the table
     */
    public ClusterMembership membership(SessionAttachService sessionAttach, DrainTarget receiver,
            TaskExecutor offlineOwner, TaskExecutor membershipExecutor, Duration lease, Runnable rejoined,
            Consumer<Runnable> afterRouteChanges) {
        unreleased.markBy(receiver::mark);
        handovers.arrivals().deliverBy(receiver);
        Consumer<Runnable> ownRoutesWritten = then -> afterRouteChanges.accept(() -> clusterExecutor.execute(then));
        RenewalStreak streak = new RenewalStreak(clock, lease);
        DepartedNodeAdoption adoption = new DepartedNodeAdoption(backend.nodeId(), backend.leases(),
                backend.ownership(), backend.routes(), backend.forwarding(), receiver, unreleased, epochs, turns,
                sessions, loader, sessionAttach, wills, offlineOwner, clock, ownRoutesWritten, streak);
        return new ClusterMembership(backend.leases(), backend.ownership(), new LocalSessionsDrop(sessions, removal),
                epochs, adoption, membershipExecutor, clusterExecutor, lease, rejoined, streak);
    }
}
