package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.bodies;
import static dev.tern.application.cluster.ClusterClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.MqttPacket;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A message forwarded to the old node while its session leaves for another node (docs/cluster.md,
 * 3.4, the relay window): the receiving thread matches the session here, and before it hands the
 * message over, the session's executor opens the relay window and lets the session go. The
 * message must be relayed then, not dropped as one for a session that is gone. Before the fix the
 * receiver decided on the relay before it routed the message here, so a session that left in
 * between got it neither way, and the publisher had its PUBACK (CrossNodeTakeover*IT saw it as one
 * acknowledged message of ~120 never delivered, under load).
 *
 * <p>The interleaving is made exact with a real receiving thread held inside its local match: node
 * a has another client arriving from node d (frozen, so it stays arriving), and while one is, the
 * match asks the arrivals whether the session got the message relayed, under their monitor, which
 * this test holds.
 */
class HandoverRelayRaceTest {

    private final ClusterRig rig = new ClusterRig();
    private final FullNode a = rig.startFull("a");
    private final FullNode b = rig.startFull("b");
    private final FullNode d = rig.startFull("d");

    private static FullNode.Client connect(FullNode node, String clientId, boolean cleanStart, long expiry) {
        Properties properties = Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, expiry).build();
        return node.client(ProtocolVersion.MQTT_5)
                .send(new Connect(ProtocolVersion.MQTT_5, cleanStart, 0, clientId, null, null, null, properties));
    }

    @Test
    void aForwardedMessageMatchedToTheSessionAsItLeavesTheOldNodeIsRelayedToTheNewOne() throws Exception {
        FullNode.Client old = connect(a, "dev", false, 3_600).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        connect(d, "x", true, 0);
        rig.settle();
        old.channel.takeSent();
        // x arrives on node a from node d, which does not answer: node a keeps an arrival open.
        d.freeze();
        connect(a, "x", true, 0);
        a.loop.runPending();
        a.sessionsThread.runPending();

        // dev moves to node b: b claims it and asks node a to let go; a queues that on the session's executor.
        FullNode.Client resumed = connect(b, "dev", false, 3_600);
        b.loop.runPending();
        b.sessionsThread.runPending();
        b.freeze();
        a.sessionsThread.runPending();
        assertThat(a.sessions.get("dev")).as("still on node a").isNotNull();

        ForwardedMessage forwarded = new ForwardedMessage("c:1", ApplicationMessage.of("t/1",
                "as the session leaves".getBytes(StandardCharsets.UTF_8), Qos.AT_LEAST_ONCE, false), true, Set.of());
        AtomicBoolean settled = new AtomicBoolean();
        Thread receiving = new Thread(() -> a.receiver.message(forwarded, () -> settled.set(true)), "receiving");
        synchronized (a.arrivals) {
            receiving.start();
            awaitBlocked(receiving);
            // The receiving thread has matched dev here; now the session's executor runs: window open, session gone.
            while (a.loop.hasPending()) {
                a.loop.runPending();
            }
            assertThat(a.sessions.get("dev")).as("node a let the session go").isNull();
        }
        receiving.join(TimeUnit.SECONDS.toMillis(10));
        assertThat(receiving.isAlive()).isFalse();

        b.thaw();
        rig.settle();
        assertThat(settled).as("settled on node a").isTrue();
        assertThat(publishesTo(resumed)).containsExactly("as the session leaves");
    }

    private static void awaitBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (thread.getState() != Thread.State.BLOCKED) {
            assertThat(System.nanoTime()).as("the receiving thread reaches the arrivals' monitor").isLessThan(deadline);
            assertThat(thread.isAlive()).as("the receiving thread still runs").isTrue();
            Thread.sleep(1);
        }
    }

    private static List<String> publishesTo(FullNode.Client client) {
        List<MqttPacket> sent = client.channel.takeSent();
        assertThat(sent.get(0)).isInstanceOfSatisfying(Connack.class, c -> assertThat(c.sessionPresent()).isTrue());
        return bodies(sent);
    }
}
