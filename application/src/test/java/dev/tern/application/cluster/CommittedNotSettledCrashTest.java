package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.bodies;
import static dev.tern.application.cluster.ClusterClients.publish;
import static dev.tern.application.cluster.ClusterClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node that dies after it committed a forwarded message's copy for a persistent session but
 * before it settled the message: the message is still in its inbox, and the adopter drains it
 * into that session, which already holds the copy. The session's forward receipt, stored with the
 * copy and loaded with the session, keeps it from taking the message twice, whether the adoption
 * restored the session or its client resumed it on the adopter first.
 */
class CommittedNotSettledCrashTest {

    private static final long ADOPTED_AFTER = 2 * ClusterRig.LEASE.toMillis() + 1_000;

    private final ClusterRig rig = new ClusterRig();
    private final FullNode a = rig.startFull("a");
    private final FullNode b = rig.startFull("b");
    private final FullNode c = rig.startFull("c");

    private static FullNode.Client connect(FullNode node, String clientId, boolean cleanStart) {
        Properties properties = Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, 3_600).build();
        return node.client(ProtocolVersion.MQTT_5)
                .send(new Connect(ProtocolVersion.MQTT_5, cleanStart, 0, clientId, null, null, null, properties));
    }

    /** Runs the publisher's node and a's sessions and store, but not a's routing thread, where its settles run. */
    private void deliverWithoutSettling() {
        List<ManualExecutor> running = List.of(b.loop, b.routesThread, b.storageThread, a.loop, a.storageThread);
        boolean ran;
        do {
            ran = false;
            for (ManualExecutor executor : running) {
                if (executor.hasPending()) {
                    executor.runPending();
                    ran = true;
                }
            }
        } while (ran);
    }

    @Test
    void anAdoptedOfflineSessionGetsACommittedButUnsettledQos2MessageOnce() {
        FullNode.Client dev = connect(a, "dev", false).send(subscribe("t/#", Qos.EXACTLY_ONCE));
        FullNode.Client publisher = connect(b, "pub", true);
        rig.settle();
        dev.drop();
        rig.settle();
        c.crash();

        publisher.send(publish("t/1", Qos.EXACTLY_ONCE, 1, "committed, not settled"));
        deliverWithoutSettling();
        assertThat(rig.queueStore.load("dev")).as("the copy is committed on a").hasSize(1);
        a.crash();
        rig.advance(ADOPTED_AFTER);
        FullNode.Client back = connect(b, "dev", false);
        rig.settle();

        assertThat(bodies(back.channel.takeSent())).containsExactly("committed, not settled");
    }

    @Test
    void aSessionResumedOnTheAdopterBeforeTheLeasePassedGetsACommittedButUnsettledQos2MessageOnce() {
        FullNode.Client dev = connect(a, "dev", false).send(subscribe("t/#", Qos.EXACTLY_ONCE));
        FullNode.Client publisher = connect(b, "pub", true);
        rig.settle();
        dev.channel.takeSent();
        c.crash();

        publisher.send(publish("t/1", Qos.EXACTLY_ONCE, 1, "in flight, not settled"));
        deliverWithoutSettling();
        assertThat(rig.inflightStore.load("dev")).as("the copy is committed in flight on a").hasSize(1);
        a.crash();
        FullNode.Client resumed = connect(b, "dev", false);
        rig.advance(ClusterRig.HANDOVER_TIMEOUT.toMillis() + 500);
        rig.advance(ADOPTED_AFTER);

        assertThat(bodies(resumed.channel.takeSent())).containsExactly("in flight, not settled");
    }

    @Test
    void anAdoptedSessionGetsACommittedButUnsettledQos1MessageOnce() {
        FullNode.Client dev = connect(a, "dev", false).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        FullNode.Client publisher = connect(b, "pub", true);
        rig.settle();
        dev.drop();
        rig.settle();
        c.crash();

        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "at least once, here once"));
        deliverWithoutSettling();
        a.crash();
        rig.advance(ADOPTED_AFTER);
        FullNode.Client back = connect(b, "dev", false);
        rig.settle();

        assertThat(bodies(back.channel.takeSent())).containsExactly("at least once, here once");
    }
}
