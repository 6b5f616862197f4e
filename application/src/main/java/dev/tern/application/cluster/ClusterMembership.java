package dev.tern.application.cluster;

import dev.tern.application.port.cluster.NodeLeases;
import dev.tern.application.port.cluster.SessionOwnership;
import dev.tern.application.port.out.TaskExecutor;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node a member of the cluster: renews its lease every third of the lease, and every
 * half lease adopts what departed nodes left ({@link DepartedNodeAdoption}). A renewal that finds
 * the lease already passed means other nodes may have adopted this node's sessions: it logs one
 * error, closes every local client (MQTT 5: DISCONNECT 0x8B) and drops the local sessions without
 * writing, forgets every epoch, and joins again. A renewal that fails (backend unreachable) is
 * logged once and tried again at the next tick. After a failed or lost renewal, other nodes are
 * claimed only once this node's renewals have come through for a whole lease ({@link RenewalStreak}).
 *
 * <p>Threading: renewals run on the membership executor, so that a queue of connects cannot delay
 * them past the lease; the drop, the epochs and adoption run on the cluster executor, in order with
 * the connects. {@link #start} and {@link #stop} are called once each, from the start and stop thread.
 */
public final class ClusterMembership {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterMembership.class);

    private final NodeLeases leases;
    private final SessionOwnership ownership;
    private final LocalSessionsDrop drop;
    private final OwnedEpochs epochs;
    private final DepartedNodeAdoption adoption;
    private final TaskExecutor membershipExecutor;
    private final TaskExecutor clusterExecutor;
    private final Runnable rejoined;
    private final RenewalStreak streak;
    private final long renewEveryMillis;
    private final long adoptEveryMillis;
    private volatile boolean stopped;
    private boolean renewalFailing;
    private volatile TaskExecutor.Cancellable renewTimer;
    private volatile TaskExecutor.Cancellable adoptTimer;

    ClusterMembership(NodeLeases leases, SessionOwnership ownership, LocalSessionsDrop drop, OwnedEpochs epochs,
            DepartedNodeAdoption adoption, TaskExecutor membershipExecutor, TaskExecutor clusterExecutor,
            Duration lease, Runnable rejoined, RenewalStreak streak) {
        this.rejoined = rejoined;
        this.streak = streak;
        this.leases = leases;
        this.ownership = ownership;
        this.drop = drop;
        this.epochs = epochs;
        this.adoption = adoption;
        this.membershipExecutor = membershipExecutor;
        this.clusterExecutor = clusterExecutor;
        this.renewEveryMillis = Math.max(1, lease.toMillis() / 3);
        this.adoptEveryMillis = Math.max(1, lease.toMillis() / 2);
    }

    /** Joins (blocking, on the calling thread), then renews and adopts on schedule; the first adoption runs at once. */
    public void start() {
        leases.renew();
        LOG.info("joined the cluster");
        renewTimer = membershipExecutor.schedule(this::renew, renewEveryMillis);
        clusterExecutor.execute(this::adopt);
    }

    /** Stops renewing and adopting and gives the lease up: the other nodes adopt what this node owned. */
    public void stop() {
        stopped = true;
        cancel(renewTimer);
        cancel(adoptTimer);
        try {
            leases.leave();
        } catch (RuntimeException e) {
            // The lease then passes by itself: the others adopt this node a lease later.
            LOG.warn("could not leave the cluster, the lease runs out instead: {}", e.toString());
        }
    }

    private void renew() {
        if (stopped) {
            return;
        }
        try {
            boolean kept = leases.renew();
            if (renewalFailing) {
                LOG.info("cluster lease renewed again");
                renewalFailing = false;
            }
            if (kept) {
                streak.renewed();
            } else {
                streak.broken();
                lost();
            }
        } catch (RuntimeException e) {
            streak.broken();
            if (!renewalFailing) {
                LOG.warn("cluster lease renewal failed, retrying every {} ms: {}", renewEveryMillis, e.toString());
                renewalFailing = true;
            }
        }
        if (!stopped) {
            renewTimer = membershipExecutor.schedule(this::renew, renewEveryMillis);
        }
    }

    private void lost() {
        LOG.error("this node was adopted by another node (its cluster lease had passed): its sessions may have been"
                + " taken over; closing its clients, dropping its sessions and joining again");
        clusterExecutor.execute(() -> {
            drop.dropAll();
            epochs.clear();
            ownership.forgetAll();
            adoption.lookForOwnOrphans();
            membershipExecutor.execute(this::rejoin);
        });
    }

    /*
     * The adopter removed this node's routes from the table: once back, the route sync puts this
     * node's own routes right again (and rebuilds the others'), or publishers would skip it.
     */
    private void rejoin() {
        try {
            leases.renew();
            streak.renewed();
            rejoined.run();
        } catch (RuntimeException e) {
            LOG.warn("cluster rejoin failed, the next renewal tries again: {}", e.toString());
        }
    }

    private void adopt() {
        if (stopped) {
            return;
        }
        try {
            adoption.run();
        } catch (RuntimeException e) {
            LOG.warn("adopting departed nodes failed, trying again in {} ms: {}", adoptEveryMillis, e.toString());
        }
        if (!stopped) {
            adoptTimer = clusterExecutor.schedule(this::adopt, adoptEveryMillis);
        }
    }

    private static void cancel(TaskExecutor.Cancellable timer) {
        if (timer != null) {
            timer.cancel();
        }
    }
}
