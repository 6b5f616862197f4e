package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.bodies;
import static dev.tern.application.cluster.ClusterClients.publish;
import static dev.tern.application.cluster.ClusterClients.subscribe;
import static dev.tern.application.cluster.ClusterClients.v5;
import static dev.tern.application.cluster.ClusterClients.will;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.Publish;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Qos;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A client id is owned by one connection in the whole cluster [MQTT-3.1.4-2]: connecting on
 * another node takes the session over from the node that held it, with everything it had.
 */
class CrossNodeTakeoverTest {

    private final ClusterRig rig = new ClusterRig();
    private final ClusterRig.Node a = rig.start("a");
    private final ClusterRig.Node b = rig.start("b");

    @Test
    void theOldConnectionIsClosedAsTakenOverAndTheNewNodeResumesSubscriptionsQueueAndInflight() {
        EngineHarness.Client old = v5(a.broker, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        EngineHarness.Client publisherOnA = a.broker.client().connect("pub-a", true, 0);
        rig.settle();
        old.channel.takeSent();
        publisherOnA.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "one"));
        assertThat(bodies(old.channel.takeSent())).containsExactly("one");
        // Left unacknowledged in flight; the next one waits in the queue while the socket is full.
        old.channel.setWritable(false);
        publisherOnA.send(publish("t/2", Qos.AT_LEAST_ONCE, 2, "two"));
        rig.settle();

        EngineHarness.Client resumed = b.broker.client().connect("dev", false, 0);
        rig.settle();

        assertThat(old.channel.takeSent()).containsExactly(new Disconnect(ReasonCode.SESSION_TAKEN_OVER, Properties.EMPTY));
        assertThat(old.channel.isClosed()).isTrue();
        List<MqttPacket> sent = resumed.channel.takeSent();
        assertThat(sent.get(0)).isEqualTo(new Connack(true, 0, Properties.EMPTY));
        assertThat(bodies(sent)).containsExactly("one", "two");
        assertThat(((Publish) sent.get(1)).dup()).as("the unacknowledged PUBLISH is resent with DUP").isTrue();

        EngineHarness.Client publisherOnB = b.broker.client().connect("pub-b", true, 0);
        rig.settle();
        publisherOnB.send(publish("t/3", Qos.AT_MOST_ONCE, 0, "three"));
        assertThat(bodies(resumed.channel.takeSent())).containsExactly("three");
        assertThat(a.broker.sessions.get("dev")).isNull();
        assertThat(a.broker.index.size()).isZero();
        assertThat(b.backend.ownership().ownedBy("b")).contains("dev");
        assertThat(b.backend.ownership().ownedBy("a")).doesNotContain("dev");
    }

    /** The old node signals the release only after its storage writer committed what it had queued. */
    @Test
    void theNewNodeLoadsTheSessionOnlyOnceTheOldNodeHasWrittenWhatItHad() {
        EngineHarness.Client old = v5(a.broker, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        EngineHarness.Client publisherOnA = a.broker.client().connect("pub-a", true, 0);
        rig.settle();
        old.drop();
        a.writesHeld = true;
        publisherOnA.send(publish("t/1", Qos.AT_LEAST_ONCE, 1, "queued while offline"));

        EngineHarness.Client resumed = b.broker.client().connect("dev", false, 0);
        rig.settle();
        assertThat(resumed.channel.takeSent()).as("waiting for node a's writes").isEmpty();

        a.writesHeld = false;
        rig.settle();

        List<MqttPacket> sent = resumed.channel.takeSent();
        assertThat(sent.get(0)).isEqualTo(new Connack(true, 0, Properties.EMPTY));
        assertThat(bodies(sent)).containsExactly("queued while offline");
    }

    @Test
    void aTakeoverWithCleanStartStartsAfreshAndLeavesNothingOfTheOldSessionInTheStore() {
        v5(a.broker, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        rig.settle();

        EngineHarness.Client fresh = b.broker.client().connect("dev", true, 0);
        rig.settle();

        assertThat(fresh.channel.takeSent()).containsExactly(new Connack(false, 0, Properties.EMPTY));
        assertThat(rig.subscriptionStore.load("dev")).isEmpty();
        assertThat(b.broker.index.size()).isZero();
    }

    /**
     * As on one node: the will of the connection taken over fires when it has no delay
     * [MQTT-3.1.2-8], once, on the node that held it; the new node leaves the stored will alone.
     */
    @Test
    void theOldConnectionsWillFiresOnceOnTheNodeThatHeldIt() {
        EngineHarness.Client watcher = a.broker.client().connect("watcher", true, 0)
                .send(subscribe("wills/#", Qos.AT_MOST_ONCE));
        EngineHarness.Client watcherOnB = b.broker.client().connect("watcher-b", true, 0)
                .send(subscribe("wills/#", Qos.AT_MOST_ONCE));
        v5(a.broker, "dying", false, 3_600, will("dying", 0));
        rig.settle();
        watcher.channel.takeSent();
        watcherOnB.channel.takeSent();

        b.broker.client().connect("dying", false, 0);
        rig.settle();
        rig.advance(60_000);

        assertThat(bodies(watcher.channel.takeSent())).containsExactly("gone");
        assertThat(bodies(watcherOnB.channel.takeSent())).isEmpty();
    }

    @Test
    void aLiveOwnerThatNeverAnswersHoldsTheConnectBackAtMostTheHandoverTimeout() {
        v5(a.broker, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        rig.settle();
        // Node a keeps its lease but hears nothing: its signals are lost.
        a.backend.close();

        EngineHarness.Client resumed = b.broker.client().connect("dev", false, 0);
        rig.settle();
        assertThat(resumed.channel.takeSent()).isEmpty();

        rig.advance(ClusterRig.HANDOVER_TIMEOUT.toMillis());

        assertThat(resumed.channel.takeSent()).containsExactly(new Connack(true, 0, Properties.EMPTY));
        assertThat(b.broker.index.size()).isEqualTo(1);
    }

    /** A lost TakeOver would leave the client connected on the old node: it is asked again once the new node sealed. */
    @Test
    void anOldNodeThatMissedTheTakeOverIsAskedAgainAndClosesTheOldConnection() {
        EngineHarness.Client old = v5(a.broker, "dev", false, 3_600, null);
        rig.settle();
        old.channel.takeSent();
        a.receiver.signalsToLose = 1;

        EngineHarness.Client resumed = b.broker.client().connect("dev", false, 0);
        rig.settle();
        assertThat(old.channel.takeSent()).isEmpty();
        rig.advance(ClusterRig.HANDOVER_TIMEOUT.toMillis());

        assertThat(resumed.channel.takeSent()).containsExactly(new Connack(true, 0, Properties.EMPTY));
        assertThat(old.channel.takeSent()).containsExactly(new Disconnect(ReasonCode.SESSION_TAKEN_OVER, Properties.EMPTY));
        assertThat(a.broker.sessions.get("dev")).isNull();
    }

    @Test
    void connectingAgainOnTheSameNodeStaysALocalTakeover() {
        EngineHarness.Client first = v5(a.broker, "dev", false, 3_600, null);
        rig.settle();
        assertThat(first.channel.takeSent()).hasSize(1);

        EngineHarness.Client second = a.broker.client().connect("dev", false, 0);
        rig.settle();

        assertThat(first.channel.takeSent()).containsExactly(new Disconnect(ReasonCode.SESSION_TAKEN_OVER, Properties.EMPTY));
        assertThat(second.channel.takeSent()).containsExactly(new Connack(true, 0, Properties.EMPTY));
        assertThat(a.backend.ownership().ownedBy("a")).containsExactly("dev");
    }
}
