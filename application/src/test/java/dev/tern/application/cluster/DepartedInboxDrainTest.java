package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.bodies;
import static dev.tern.application.cluster.ClusterClients.publish;
import static dev.tern.application.cluster.ClusterClients.subscribe;
import static dev.tern.application.cluster.ClusterClients.will;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.WillFields;
import dev.tern.domain.message.Qos;
import org.junit.jupiter.api.Test;

/**
 * What a departed node's inbox holds (messages forwarded to it that it never settled) goes, once,
 * to the sessions it held, wherever the adoption or their clients took them on the adopter; not to
 * the adopter's other subscribers, who got their own copy from the publishing node. A client of the
 * dead node that resumed elsewhere before its lease passed gets its will published once the node
 * is known dead.
 */
class DepartedInboxDrainTest {

    private static final long ADOPTED_AFTER = 2 * ClusterRig.LEASE.toMillis() + 1_000;

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
    void aDrainedMessageReachesTheAdoptedSessionAndNotTheAdoptersOwnSubscriberAgain() {
        FullNode.Client away = connect(a, "away", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        FullNode.Client local = connect(b, "local", true, 0, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        FullNode.Client publisher = connect(b, "pub", true, 0, null);
        rig.settle();
        away.drop();
        rig.settle();
        local.channel.takeSent();
        c.crash();
        a.crash();

        // b's own subscriber gets it directly; a's copy waits in a's inbox.
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "while a was dying"));
        rig.settle();
        rig.advance(ADOPTED_AFTER);
        FullNode.Client back = connect(b, "away", false, 3_600, null);
        rig.settle();

        assertThat(bodies(local.channel.takeSent())).containsExactly("while a was dying");
        assertThat(bodies(back.channel.takeSent())).containsExactly("while a was dying");
    }

    @Test
    void aSessionResumedOnTheAdopterBeforeTheLeasePassedGetsWhatOnlyTheDeadNodeHadOnceAndTheRestOnce() {
        FullNode.Client dev = connect(a, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        FullNode.Client publisher = connect(c, "pub", true, 0, null);
        rig.settle();
        dev.channel.takeSent();
        a.crash();
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "only in a's inbox"));
        rig.settle();

        // a's lease has not passed: b waits for it to let go, then takes the session anyway.
        FullNode.Client resumed = connect(b, "dev", false, 3_600, null);
        rig.advance(ClusterRig.HANDOVER_TIMEOUT.toMillis() + 500);
        // Both a's stale route and b's new one match: one copy each way, one publish id.
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 2, "both ways"));
        rig.settle();
        rig.advance(ADOPTED_AFTER);

        assertThat(bodies(resumed.channel.takeSent())).containsExactlyInAnyOrder("only in a's inbox", "both ways");
        assertThat(b.backend.routes().snapshot()).doesNotContainKey("a");
    }

    @Test
    void aSessionResumedOnTheAdopterGetsOnceWhatWasPublishedOnTheAdopterWhileTheDeadNodesRoutesStillMatched() {
        FullNode.Client dev = connect(a, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        FullNode.Client publisher = connect(b, "pub", true, 0, null);
        rig.settle();
        dev.channel.takeSent();
        a.crash();
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "only in a's inbox"));
        rig.settle();

        FullNode.Client resumed = connect(b, "dev", false, 3_600, null);
        rig.advance(ClusterRig.HANDOVER_TIMEOUT.toMillis() + 500);
        // Routed to the resumed session here, and forwarded to a, whose route is still there.
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 2, "here and to a"));
        rig.settle();
        rig.advance(ADOPTED_AFTER);

        assertThat(bodies(resumed.channel.takeSent())).containsExactlyInAnyOrder("only in a's inbox", "here and to a");
    }

    @Test
    void aDrainedMessageTheDeadNodeWasPickedForInASharedGroupGoesToAMemberOnTheAdopter() {
        connect(a, "member-a", true, 0, null).send(subscribe("$share/g/t/#", Qos.AT_LEAST_ONCE));
        FullNode.Client memberOnB = connect(b, "member-b", true, 0, null)
                .send(subscribe("$share/g/t/#", Qos.AT_LEAST_ONCE));
        FullNode.Client publisher = connect(b, "pub", true, 0, null);
        rig.settle();
        memberOnB.channel.takeSent();
        c.crash();
        a.crash();

        // Round robin over b's member and node a: one each, a's waiting in its inbox.
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "one"));
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 2, "two"));
        rig.settle();
        assertThat(bodies(memberOnB.channel.takeSent())).hasSize(1);
        rig.advance(ADOPTED_AFTER);

        assertThat(bodies(memberOnB.channel.takeSent())).as("the group's other message, drained").hasSize(1);
    }

    @Test
    void theWillOfAClientThatResumedElsewhereBeforeItsDeadNodesLeasePassedIsPublishedOnce() {
        FullNode.Client watcher = connect(c, "watcher", true, 0, null).send(subscribe("wills/#", Qos.AT_MOST_ONCE));
        connect(a, "dying", false, 3_600, will("dying", 0));
        rig.settle();
        watcher.channel.takeSent();
        a.crash();

        connect(b, "dying", false, 3_600, null);
        rig.advance(ClusterRig.HANDOVER_TIMEOUT.toMillis() + 500);
        assertThat(bodies(watcher.channel.takeSent())).as("a may only be slow: its lease has not passed").isEmpty();

        rig.advance(ADOPTED_AFTER + 3 * ClusterRig.LEASE.toMillis());
        assertThat(bodies(watcher.channel.takeSent())).containsExactly("gone");
    }
}
