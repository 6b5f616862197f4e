package dev.tern.application.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Qos;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each node publishes one route per filter it has subscribers for; the others match against them. */
class RoutesAcrossNodesTest {

    private final RoutingCluster cluster = new RoutingCluster();

    @Test
    void aRouteAppearsWithTheFirstSubscriberOfAFilterAndGoesWithTheLast() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");

        RoutingNode.Client first = b.client().connect("first").subscribe("a/+", Qos.AT_MOST_ONCE);
        RoutingNode.Client second = b.client().connect("second").subscribe("a/+", Qos.AT_LEAST_ONCE);
        cluster.settle();
        assertThat(a.remoteRoutes.routes()).isEqualTo(Map.of("b", Set.of("a/+")));
        assertThat(b.backend.routes().snapshot()).isEqualTo(Map.of("b", Set.of("a/+")));

        first.unsubscribe("a/+");
        cluster.settle();
        assertThat(a.remoteRoutes.routes()).isEqualTo(Map.of("b", Set.of("a/+")));

        second.unsubscribe("a/+");
        cluster.settle();
        assertThat(a.remoteRoutes.routes()).isEmpty();
        assertThat(b.backend.routes().snapshot().getOrDefault("b", Set.of())).isEmpty();
    }

    @Test
    void publishesSharedSubscriptionsWithTheirGroupAndRemovesTheRoutesOfAnEndedSession() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        RoutingNode.Client client = b.client().connect("c")
                .subscribe("$share/workers/jobs/#", Qos.AT_LEAST_ONCE).subscribe("status", Qos.AT_MOST_ONCE);
        cluster.settle();
        assertThat(a.remoteRoutes.routes()).isEqualTo(Map.of("b", Set.of("$share/workers/jobs/#", "status")));

        client.drop();
        cluster.settle();

        assertThat(a.remoteRoutes.routes()).isEmpty();
    }

    @Test
    void aNodeLearnsTheRoutesOthersHadBeforeItJoined() {
        RoutingNode a = cluster.node("a");
        a.client().connect("early").subscribe("x/#", Qos.AT_MOST_ONCE);
        cluster.settle();

        RoutingNode b = cluster.node("b");

        assertThat(b.remoteRoutes.routes()).isEqualTo(Map.of("a", Set.of("x/#")));
        assertThat(b.remoteRoutes.routes()).doesNotContainKey("b");
    }

    @Test
    void aResyncRebuildsTheRemoteRoutesAndPutsBackThisNodesOwn() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        b.client().connect("sub").subscribe("kept", Qos.AT_MOST_ONCE);
        cluster.settle();
        // Changes missed while the backend's connection was down: a stale route on a, b's route lost from the table.
        a.remoteRoutes.added("gone", "stale/#");
        b.backend.routes().remove("kept");
        cluster.settle();
        assertThat(a.remoteRoutes.routes()).isEqualTo(Map.of("gone", Set.of("stale/#")));

        b.routeSync.resync();
        cluster.settle();
        a.routeSync.resync();
        cluster.settle();

        assertThat(b.backend.routes().snapshot()).isEqualTo(Map.of("b", Set.of("kept")));
        assertThat(a.remoteRoutes.routes()).isEqualTo(Map.of("b", Set.of("kept")));
    }

    @Test
    void aRouteChangeHeardWhileTheSnapshotIsReadIsKept() {
        RemoteRoutes routes = new RemoteRoutes("self");
        routes.added("b", "old");

        routes.beginRebuild();
        routes.added("c", "during");
        routes.removed("b", "old");
        routes.finishRebuild(Map.of("b", Set.of("old"), "self", Set.of("mine")));

        assertThat(routes.routes()).isEqualTo(Map.of("c", Set.of("during")));
    }

    @Test
    void forgetsEveryRouteOfANodeThatWasRemoved() {
        RoutingNode a = cluster.node("a");
        RoutingNode b = cluster.node("b");
        b.client().connect("one").subscribe("x", Qos.AT_MOST_ONCE).subscribe("y/+", Qos.AT_MOST_ONCE);
        cluster.settle();

        b.backend.routes().removeNode("b");

        assertThat(a.remoteRoutes.routes()).isEmpty();
        assertThat(a.remoteRoutes.isEmpty()).isTrue();
    }
}
