package dev.tern.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.NodeLeases;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** What every {@link NodeLeases} must do. Extend it once per backend (see {@link ClusterContract}). */
public abstract class NodeLeasesContract extends ClusterContract {

    private NodeLeases leases(String nodeId) {
        return join(nodeId).leases();
    }

    /** The first renewal joins: the node is live, and nothing has departed. */
    @Test
    void firstRenewalJoinsTheNode() {
        NodeLeases a = leases("a");

        assertThat(a.renew()).isTrue();

        assertThat(a.liveNodes()).containsExactly("a");
        assertThat(a.departedNodes()).isEmpty();
    }

    /** Every node sees every live node, itself included. */
    @Test
    void everyNodeSeesEveryLiveNode() {
        NodeLeases a = leases("a");
        NodeLeases b = leases("b");
        a.renew();
        b.renew();

        assertThat(a.liveNodes()).containsExactlyInAnyOrder("a", "b");
        assertThat(b.liveNodes()).containsExactlyInAnyOrder("a", "b");
    }

    /** A node renewing before its lease passed keeps it. */
    @Test
    void renewingInTimeKeepsTheLease() {
        NodeLeases a = leases("a");
        a.renew();

        assertThat(a.renew()).isTrue();
        assertThat(a.renew()).isTrue();
        assertThat(a.liveNodes()).containsExactly("a");
    }

    /** A node whose lease passed is departed for the others, and no longer live. */
    @Test
    void aNodeWhoseLeasePassedIsDeparted() {
        NodeLeases a = join("a", SHORT_LEASE).leases();
        NodeLeases b = leases("b");
        a.renew();
        b.renew();

        letShortLeasesPass();

        assertThat(b.liveNodes()).containsExactly("b");
        assertThat(b.departedNodes()).containsExactly("a");
    }

    /**
     * A lease that passed while nobody claimed the node (a pause, the backend out of reach) is
     * taken again: nothing of the node was adopted, so it goes on.
     */
    @Test
    void renewingTooLateButUnclaimedKeepsTheNode() {
        NodeLeases a = join("a", SHORT_LEASE).leases();
        NodeLeases b = join("b", LONG_LEASE).leases();
        a.renew();
        b.renew();
        letShortLeasesPass();
        assertThat(b.departedNodes()).containsExactly("a");

        assertThat(a.renew()).isTrue();

        assertThat(b.liveNodes()).containsExactlyInAnyOrder("a", "b");
        assertThat(b.departedNodes()).isEmpty();
        assertThat(b.claimDeparted("a")).isFalse();
    }

    /** Of several nodes claiming one departed node at once, exactly one gets it; then it is no longer departed. */
    @Test
    void exactlyOneNodeClaimsADepartedNode() throws Exception {
        NodeLeases departing = join("gone", SHORT_LEASE).leases();
        departing.renew();
        List<NodeLeases> survivors = List.of(leases("a"), leases("b"), leases("c"));
        survivors.forEach(NodeLeases::renew);
        letShortLeasesPass();

        List<Boolean> claimed = Races.all(survivors.stream()
                .map(s -> (Callable<Boolean>) () -> s.claimDeparted("gone")).toList());

        assertThat(claimed).containsOnlyOnce(true);
        assertThat(survivors.get(0).departedNodes()).isEmpty();
        assertThat(survivors.get(0).claimDeparted("gone")).isFalse();
    }

    /** A live node, and a node that never joined, cannot be claimed. */
    @Test
    void liveAndUnknownNodesCannotBeClaimed() {
        NodeLeases a = leases("a");
        NodeLeases b = leases("b");
        a.renew();
        b.renew();

        assertThat(a.claimDeparted("b")).isFalse();
        assertThat(a.claimDeparted("never-joined")).isFalse();
        assertThat(a.liveNodes()).containsExactlyInAnyOrder("a", "b");
    }

    /** Leaving gives the lease up at once: the node is departed, for one other node to adopt. */
    @Test
    void leavingMakesTheNodeDepartedAtOnce() {
        NodeLeases a = leases("a");
        NodeLeases b = leases("b");
        a.renew();
        b.renew();

        a.leave();

        assertThat(b.liveNodes()).containsExactly("b");
        assertThat(b.departedNodes()).containsExactly("a");
        assertThat(b.claimDeparted("a")).isTrue();
    }

    /** A node adopted by another while it was away learns it at its next renewal. */
    @Test
    void anAdoptedNodeRenewsFalse() {
        NodeLeases a = join("a", SHORT_LEASE).leases();
        NodeLeases b = leases("b");
        a.renew();
        b.renew();
        letShortLeasesPass();
        assertThat(b.claimDeparted("a")).isTrue();

        assertThat(a.renew()).isFalse();
        assertThat(b.liveNodes()).containsExactlyInAnyOrder("a", "b");
    }

    /** A node restarting with its id before anyone adopted it may claim its earlier run itself. */
    @Test
    void aRestartedNodeMayClaimItsEarlierRun() {
        NodeLeases earlierRun = join("a", SHORT_LEASE).leases();
        earlierRun.renew();
        letShortLeasesPass();

        NodeLeases restarted = leases("a");

        assertThat(restarted.departedNodes()).containsExactly("a");
        assertThat(restarted.claimDeparted("a")).isTrue();
        assertThat(restarted.renew()).isTrue();
        assertThat(restarted.liveNodes()).containsExactly("a");
    }
}
