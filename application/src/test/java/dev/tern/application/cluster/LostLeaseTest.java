package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.bodies;
import static dev.tern.application.cluster.ClusterClients.subscribe;
import static dev.tern.application.cluster.ClusterClients.v5;
import static dev.tern.application.cluster.ClusterClients.will;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.testing.CapturedLog;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Qos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A node whose lease passed (a pause, a partition) and that another node claimed may have had its
 * sessions adopted: when it finds out it lets every client and session go, without writing, and
 * joins again. One that nobody claimed meanwhile takes its lease again and goes on.
 */
class LostLeaseTest {

    @RegisterExtension
    final CapturedLog log = CapturedLog.of(ClusterMembership.class);

    private final ClusterRig rig = new ClusterRig();
    private final ClusterRig.Node a = rig.start("a");

    @Test
    void aNodeThatFindsItWasAdoptedClosesEveryClientWithServerShuttingDownAndDropsItsSessionsWithoutWriting() {
        EngineHarness.Client client = v5(a.broker, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        rig.settle();
        client.channel.takeSent();
        rig.start("b");

        a.freeze();
        // Past the lease, then the round b waits before claiming a node it took nothing from.
        rig.advance(2 * ClusterRig.LEASE.toMillis() + 1_000);
        a.thaw();
        rig.advance(100);

        assertThat(client.channel.takeSent()).singleElement()
                .isInstanceOfSatisfying(Disconnect.class, d -> assertThat(d.reasonCode())
                        .isEqualTo(ReasonCode.SERVER_SHUTTING_DOWN));
        assertThat(client.channel.isClosed()).isTrue();
        assertThat(log.lines()).filteredOn(line -> line.contains("adopted by another node")).hasSize(1);
        assertThat(rig.sessionStore.load("dev")).as("the store keeps the session for whoever owns it").isPresent();
        assertThat(rig.subscriptionStore.load("dev")).hasSize(1);
        assertThat(a.backend.leases().liveNodes()).as("joined again").contains("a");
    }

    /**
     * A node paused before it wrote a subscription can never write it afterwards (fenced out), so it
     * must not have acknowledged it: the session resumed elsewhere would lack what its client was
     * told it had.
     */
    @Test
    void aSubscriptionNotYetStoredWhenTheNodePausedWasNeverAcknowledged() {
        ClusterRig.Node b = rig.start("b");
        EngineHarness.Client client = v5(a.broker, "dev", false, 3_600, null);
        rig.settle();
        client.channel.takeSent();
        a.writesHeld = true;
        client.send(subscribe("kept/#", Qos.AT_LEAST_ONCE));
        rig.settle();

        a.freeze();
        rig.advance(ClusterRig.LEASE.toMillis() + 1_000);
        EngineHarness.Client resumed = v5(b.broker, "dev", false, 3_600, null);
        rig.settle();

        assertThat(client.channel.takeSent()).as("no SUBACK for a subscription the store does not hold").isEmpty();
        assertThat(resumed.channel.takeSent()).first()
                .isInstanceOfSatisfying(Connack.class, c -> assertThat(c.sessionPresent()).isTrue());
        assertThat(rig.subscriptionStore.load("dev")).isEmpty();
    }

    /** Nobody claimed the node while it was away: it takes its lease again, its clients and sessions stay. */
    @Test
    void aNodeWhoseLeasePassedUnclaimedKeepsItsClientsAndSessions() {
        EngineHarness.Client watcher = a.broker.client().connect("watcher", false, 0)
                .send(subscribe("wills/#", Qos.AT_LEAST_ONCE));
        EngineHarness.Client dying = v5(a.broker, "dying", false, 3_600, will("dying", 0));
        rig.settle();
        watcher.channel.takeSent();
        dying.channel.takeSent();

        a.freeze();
        rig.advance(ClusterRig.LEASE.toMillis() + 1_000);
        a.thaw();
        rig.advance(ClusterRig.LEASE.toMillis());

        assertThat(dying.channel.isClosed()).isFalse();
        assertThat(dying.channel.takeSent()).isEmpty();
        assertThat(a.broker.sessions.get("dying")).isNotNull();
        assertThat(bodies(watcher.channel.takeSent())).as("no will: the client never went").isEmpty();
        assertThat(log.lines()).noneMatch(line -> line.contains("adopted by another node"));
        assertThat(a.backend.leases().liveNodes()).contains("a");
    }
}
