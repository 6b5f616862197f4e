package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.bodies;
import static dev.tern.application.cluster.ClusterClients.publish;
import static dev.tern.application.cluster.ClusterClients.subscribe;
import static dev.tern.application.cluster.ClusterClients.v5;
import static dev.tern.application.cluster.ClusterClients.will;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A node's death: once its lease has passed, one surviving node adopts its sessions from the
 * store (their clients resume there), publishes the wills of its connected clients once, takes its
 * unsettled forwarded messages and removes its routes.
 */
class DepartedNodeAdoptionTest {

    private final ClusterRig rig = new ClusterRig();
    private final ClusterRig.Node a = rig.start("a");
    private final ClusterRig.Node b = rig.start("b");
    private final ClusterRig.Node c = rig.start("c");

    private void crashAAndWaitForAdoption() {
        a.crash();
        rig.advance(2 * ClusterRig.LEASE.toMillis() + 1_000);
    }

    @Test
    void theWillOfAClientConnectedToTheDeadNodeIsPublishedOnceByTheAdopter() {
        EngineHarness.Client watcherOnB = b.broker.client().connect("watcher-b", true, 0)
                .send(subscribe("wills/#", Qos.AT_MOST_ONCE));
        EngineHarness.Client watcherOnC = c.broker.client().connect("watcher-c", true, 0)
                .send(subscribe("wills/#", Qos.AT_MOST_ONCE));
        v5(a.broker, "dying", false, 3_600, will("dying", 0));
        rig.settle();
        watcherOnB.channel.takeSent();
        watcherOnC.channel.takeSent();

        crashAAndWaitForAdoption();
        rig.advance(3 * ClusterRig.LEASE.toMillis());

        // One adopter, so one of the two nodes publishes it (forwarding to the other is not part of this).
        List<String> seen = new ArrayList<>(bodies(watcherOnB.channel.takeSent()));
        seen.addAll(bodies(watcherOnC.channel.takeSent()));
        assertThat(seen).containsExactly("gone");
    }

    @Test
    void aWillDelayCountsFromTheAdoption() {
        EngineHarness.Client watcherOnB = b.broker.client().connect("watcher-b", true, 0)
                .send(subscribe("wills/#", Qos.AT_MOST_ONCE));
        v5(a.broker, "dying", false, 3_600, will("dying", 60));
        rig.settle();
        watcherOnB.channel.takeSent();
        c.crash();

        crashAAndWaitForAdoption();
        assertThat(bodies(watcherOnB.channel.takeSent())).isEmpty();

        rig.advance(60_000);
        assertThat(bodies(watcherOnB.channel.takeSent())).containsExactly("gone");
    }

    @Test
    void anOfflineSessionOfTheDeadNodeResumesOnAnotherNodeWithWhatWasQueuedForIt() {
        EngineHarness.Client away = v5(a.broker, "away", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        EngineHarness.Client publisher = a.broker.client().connect("pub", true, 0);
        rig.settle();
        away.drop();
        publisher.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "kept"));
        rig.settle();
        c.crash();

        crashAAndWaitForAdoption();
        assertThat(b.broker.sessions.get("away")).as("adopted offline").isNotNull();
        EngineHarness.Client back = b.broker.client().connect("away", false, 0);
        rig.settle();

        List<MqttPacket> sent = back.channel.takeSent();
        assertThat(sent.get(0)).isEqualTo(new Connack(true, 0, Properties.EMPTY));
        assertThat(bodies(sent)).containsExactly("kept");
        assertThat(b.backend.ownership().ownedBy("b")).contains("away");
    }

    @Test
    void aNodeThatStopsGracefullyIsAdoptedWithinTwoRoundsWithoutWaitingForItsLeaseToPass() {
        EngineHarness.Client away = v5(a.broker, "away", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        rig.settle();
        away.drop();
        rig.settle();
        c.crash();

        a.membership.stop();
        a.crash();
        // Two rounds: nobody took its sessions over, so the first leaves a node that did the chance to.
        rig.advance(2 * (ClusterRig.LEASE.toMillis() / 2) + 100);

        assertThat(b.broker.sessions.get("away")).isNotNull();
        assertThat(b.backend.ownership().ownedBy("b")).contains("away");
    }

    @Test
    void theAdopterTakesTheDeadNodesUnsettledMessagesAndRemovesItsRoutes() {
        a.backend.routes().add("t/#");
        a.crash();
        ApplicationMessage message = ApplicationMessage.of("t/1", "late".getBytes(StandardCharsets.UTF_8),
                Qos.AT_LEAST_ONCE, false);
        b.backend.forwarding().sendDurably("a", new ForwardedMessage("b:1", message, true, Set.of()));
        c.crash();
        List<Boolean> routesOfADuringTheDrain = new ArrayList<>();
        b.receiver.onMessage = () -> routesOfADuringTheDrain.add(b.backend.routes().snapshot().containsKey("a"));

        rig.advance(2 * ClusterRig.LEASE.toMillis() + 1_000);

        assertThat(b.receiver.messages).extracting(ForwardedMessage::id).containsExactly("b:1");
        assertThat(routesOfADuringTheDrain).as("removed before the drain: nothing is sent to it after").containsExactly(false);
        assertThat(b.backend.routes().snapshot()).doesNotContainKey("a");
        assertThat(b.backend.leases().departedNodes()).doesNotContain("a");
    }
}
