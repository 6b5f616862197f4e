package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.bodies;
import static dev.tern.application.cluster.ClusterClients.publish;
import static dev.tern.application.cluster.ClusterClients.subscribe;
import static dev.tern.application.cluster.ClusterClients.will;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.WillFields;
import dev.tern.domain.message.Qos;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The session side and the routing side together, on whole nodes wired as the broker wires them:
 * a session that moves between nodes (takeover, adoption) takes its routes with it, and the wills
 * the session side publishes reach subscribers on every node.
 */
class SessionsAndRoutingAcrossNodesTest {

    private final ClusterRig rig = new ClusterRig();
    private final FullNode a = rig.startFull("a");
    private final FullNode b = rig.startFull("b");
    private final FullNode c = rig.startFull("c");

    private static FullNode.Client connect(FullNode node, String clientId, boolean cleanStart, long expiry,
            WillFields will) {
        Properties properties = Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, expiry).build();
        return node.client(ProtocolVersion.MQTT_5)
                .send(new Connect(ProtocolVersion.MQTT_5, cleanStart, 0, clientId, will, null, null, properties));
    }

    @Test
    void aSessionTakenOverOnAnotherNodeReceivesWhatIsPublishedOnAThirdOne() {
        FullNode.Client old = connect(a, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        FullNode.Client publisher = connect(c, "pub", true, 0, null);
        rig.settle();
        old.channel.takeSent();

        FullNode.Client resumed = connect(b, "dev", false, 3_600, null);
        rig.settle();
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "after the move"));
        rig.settle();

        assertThat(old.channel.takeSent()).containsExactly(new Disconnect(ReasonCode.SESSION_TAKEN_OVER, Properties.EMPTY));
        List<MqttPacket> sent = resumed.channel.takeSent();
        assertThat(sent.get(0)).isInstanceOfSatisfying(Connack.class, connack -> assertThat(connack.sessionPresent()).isTrue());
        assertThat(bodies(sent)).containsExactly("after the move");
        // Node a keeps its route for the relay window after the handover, then drops it.
        rig.advance(ClusterRig.HANDOVER_TIMEOUT.toMillis());
        assertThat(a.backend.routes().snapshot().getOrDefault("a", Set.of())).doesNotContain("t/#");
        assertThat(a.backend.routes().snapshot().get("b")).contains("t/#");
    }

    @Test
    void theWillOfAClientOfADeadNodeReachesSubscribersOnTheOtherNodesOnce() {
        FullNode.Client watcherOnB = connect(b, "watcher-b", true, 0, null).send(subscribe("wills/#", Qos.AT_MOST_ONCE));
        FullNode.Client watcherOnC = connect(c, "watcher-c", true, 0, null).send(subscribe("wills/#", Qos.AT_MOST_ONCE));
        connect(a, "dying", false, 3_600, will("dying", 0));
        rig.settle();
        watcherOnB.channel.takeSent();
        watcherOnC.channel.takeSent();

        a.crash();
        rig.advance(3 * ClusterRig.LEASE.toMillis());

        assertThat(bodies(watcherOnB.channel.takeSent())).containsExactly("gone");
        assertThat(bodies(watcherOnC.channel.takeSent())).containsExactly("gone");
    }

    @Test
    void anOfflineSessionOfADeadNodeKeepsReceivingOnceAdoptedAndResumesWhereItWasAdopted() {
        FullNode.Client away = connect(a, "away", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        rig.settle();
        away.drop();
        rig.settle();
        c.crash();
        a.crash();
        rig.advance(ClusterRig.LEASE.toMillis() + ClusterRig.LEASE.toMillis() / 2 + 1_000);

        FullNode.Client publisher = connect(b, "pub", true, 0, null);
        rig.settle();
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "while away"));
        rig.settle();
        FullNode.Client back = connect(b, "away", false, 3_600, null);
        rig.settle();

        List<MqttPacket> sent = back.channel.takeSent();
        assertThat(sent.get(0)).isInstanceOfSatisfying(Connack.class, connack -> assertThat(connack.sessionPresent()).isTrue());
        assertThat(bodies(sent)).containsExactly("while away");
    }
}
