package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.v5;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.testing.EngineHarness;
import org.junit.jupiter.api.Test;

/** A session that ended for good gives its client id up, once its end is written; one that goes on keeps it. */
class SessionEndReleaseTest {

    private final ClusterRig rig = new ClusterRig();
    private final ClusterRig.Node a = rig.start("a");

    @Test
    void aSessionWithoutExpiryReleasesItsClientIdWhenItsConnectionEnds() {
        EngineHarness.Client client = v5(a.broker, "dev", false, 0, null);
        rig.settle();
        assertThat(a.backend.ownership().ownedBy("a")).containsExactly("dev");

        client.drop();
        rig.settle();

        assertThat(a.backend.ownership().ownedBy("a")).isEmpty();
    }

    @Test
    void aPersistentSessionKeepsItsClientIdWhileOfflineAndReleasesItWhenItExpires() {
        v5(a.broker, "dev", false, 60, null).drop();
        rig.settle();
        rig.advance(59_000);
        assertThat(a.backend.ownership().ownedBy("a")).containsExactly("dev");

        rig.advance(2_000);

        assertThat(a.broker.sessions.get("dev")).isNull();
        assertThat(rig.sessionStore.load("dev")).isEmpty();
        assertThat(a.backend.ownership().ownedBy("a")).isEmpty();
    }

    /** The new connection's claim owns the id: the end of the session it replaced must not give it up. */
    @Test
    void aReconnectRightAfterASessionEndedKeepsTheClientId() {
        EngineHarness.Client first = v5(a.broker, "dev", false, 0, null);
        rig.settle();

        first.drop();
        EngineHarness.Client second = v5(a.broker, "dev", true, 0, null);
        rig.settle();

        assertThat(second.channel.isClosed()).isFalse();
        assertThat(a.backend.ownership().ownedBy("a")).containsExactly("dev");
    }
}
