package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.subscribe;
import static dev.tern.application.cluster.ClusterClients.v5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.protocol.packet.Connack;
import dev.tern.application.protocol.packet.Disconnect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.testing.EngineHarness;
import dev.tern.domain.message.Qos;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Concurrent connects of one client id on several nodes end with exactly one owner [MQTT-3.1.4-2]. */
class ConcurrentConnectsTest {

    private final ClusterRig rig = new ClusterRig();
    private final ClusterRig.Node a = rig.start("a");
    private final ClusterRig.Node b = rig.start("b");
    private final ClusterRig.Node c = rig.start("c");

    /**
     * Both claims are made before either seals: a's claim supersedes c's, b's supersedes a's. a
     * loses its seal and is closed; b, the last claim, gets the session with what c stored.
     */
    @Test
    void twoNodesClaimingASessionHeldByAThirdEndWithTheLastClaimOwningIt() {
        EngineHarness.Client onC = v5(c.broker, "dev", false, 3_600, null).send(subscribe("t/#", Qos.AT_LEAST_ONCE));
        rig.settle();
        onC.channel.takeSent();

        EngineHarness.Client onA = a.broker.client().connect("dev", false, 0);
        EngineHarness.Client onB = b.broker.client().connect("dev", false, 0);
        rig.settle();

        assertThat(onC.channel.takeSent()).containsExactly(new Disconnect(ReasonCode.SESSION_TAKEN_OVER, Properties.EMPTY));
        assertThat(onA.channel.takeSent()).as("a (MQTT 3.1.1) lost before CONNACK, which says so").singleElement()
                .isInstanceOfSatisfying(Connack.class, c -> assertThat(c.reasonCode()).isEqualTo(ReasonCode.V3_SERVER_UNAVAILABLE));
        assertThat(onA.channel.isClosed()).isTrue();
        assertThat(onB.channel.takeSent()).containsExactly(new Connack(true, 0, Properties.EMPTY));
        assertThat(b.broker.index.size()).isEqualTo(1);
        assertExactlyOneOwner("b");
    }

    @Test
    void twoNodesConnectingANewClientIdAtOnceEndWithOneOwner() {
        EngineHarness.Client onA = a.broker.client().connect("dev", false, 0);
        EngineHarness.Client onB = b.broker.client().connect("dev", false, 0);
        rig.settle();

        // a's claim came first and attached; b's later claim took it over.
        assertThat(onA.channel.takeSent()).containsExactly(new Connack(false, 0, Properties.EMPTY));
        assertThat(onA.channel.isClosed()).isTrue();
        assertThat(onB.channel.takeSent()).containsExactly(new Connack(true, 0, Properties.EMPTY));
        assertExactlyOneOwner("b");
    }

    private void assertExactlyOneOwner(String node) {
        assertThat(Stream.of(a, b, c).filter(n -> n.broker.sessions.get("dev") != null).map(n -> n.id))
                .containsExactly(node);
        assertThat(a.backend.ownership().ownedBy(node)).containsExactly("dev");
    }
}
