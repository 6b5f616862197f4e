package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.v5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.testing.EngineHarness;
import org.junit.jupiter.api.Test;

/**
 * After an outage of the backend longer than the lease every node's lease has passed; the node
 * that gets through first must not adopt the others before they had a lease's time to renew
 * (docs/cluster.md, 3.5): it claims other nodes only after a lease of steady renewals of its own.
 */
class RedisOutageAdoptionTest {

    private final ClusterRig rig = new ClusterRig();
    private final ClusterRig.Node a = rig.start("a");
    private final ClusterRig.Node b = rig.start("b");

    private EngineHarness.Client connectedToA() {
        EngineHarness.Client client = v5(a.broker, "dev", false, 3_600, null);
        rig.settle();
        client.channel.takeSent();
        return client;
    }

    private void outage(long bothMillis, long aLongerMillis) {
        rig.cluster.reachable("a", false);
        rig.cluster.reachable("b", false);
        rig.advance(bothMillis);
        rig.cluster.reachable("b", true);
        rig.advance(aLongerMillis);
        rig.cluster.reachable("a", true);
    }

    /**
     * Both nodes start together: renewals every 3 s, adoption rounds every 4.5 s. Node b's renewals
     * come through again 21 s in, node a's 30 s in; b's second round after its return (27 s, the
     * first only notes a as departed) would have claimed a, which had no chance to renew yet.
     */
    @Test
    void aNodeThatRenewsWithinALeaseOfTheAdoptersFirstRenewalIsNotAdopted() {
        EngineHarness.Client client = connectedToA();

        outage(2 * ClusterRig.LEASE.toMillis(), ClusterRig.LEASE.toMillis() + 500);
        rig.advance(3 * ClusterRig.LEASE.toMillis());

        assertThat(client.channel.isClosed()).as("node a kept its client").isFalse();
        assertThat(b.backend.ownership().ownedBy("a")).containsExactly("dev");
        assertThat(b.backend.leases().liveNodes()).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void aNodeStillOutOfReachALeaseAfterTheOthersReturnIsAdopted() {
        EngineHarness.Client client = connectedToA();

        outage(2 * ClusterRig.LEASE.toMillis(), 3 * ClusterRig.LEASE.toMillis());
        rig.advance(ClusterRig.LEASE.toMillis());

        assertThat(b.backend.ownership().ownedBy("b")).containsExactly("dev");
        assertThat(client.channel.isClosed()).as("node a dropped its client once it heard it was adopted").isTrue();
    }
}
