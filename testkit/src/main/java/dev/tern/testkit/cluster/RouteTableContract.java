package dev.tern.testkit.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.RouteTable;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every {@link RouteTable} must do, seen from several nodes of one backend. Extend it once
 * per backend: {@link #join} gives a node's route table on the backend the test instance uses
 * (a fresh, empty one per test), {@link #interruptLink} drops a node's connection to it so that
 * it comes back.
 */
public abstract class RouteTableContract {

    /** Node {@code nodeId}'s route table on this test's backend. */
    protected abstract RouteTable join(String nodeId);

    /**
     * Drops {@code nodeId}'s connection to the backend; the backend re-establishes it by itself,
     * and the node's route listener must then hear {@code resync()}.
     */
    protected abstract void interruptLink(String nodeId);

    /** A filter added on one node is in every node's snapshot, with its own node's routes. */
    @Test
    void snapshotShowsEveryNodesFiltersToEveryNode() {
        RouteTable a = join("a");
        RouteTable b = join("b");

        a.add("sensors/+/temp");
        a.add("$share/workers/jobs/#");
        b.add("alerts/#");

        Map<String, Set<String>> expected = Map.of("a", Set.of("sensors/+/temp", "$share/workers/jobs/#"),
                "b", Set.of("alerts/#"));
        assertThat(a.snapshot()).isEqualTo(expected);
        assertThat(b.snapshot()).isEqualTo(expected);
    }

    /** A removed filter leaves the snapshot; a node without filters is not in it. */
    @Test
    void removedFiltersLeaveTheSnapshot() {
        RouteTable a = join("a");
        RouteTable b = join("b");
        a.add("x/1");
        a.add("x/2");
        b.add("y");

        a.remove("x/1");
        a.remove("x/2");

        assertThat(b.snapshot()).isEqualTo(Map.of("b", Set.of("y")));
    }

    /** Other nodes hear one node's changes in the order it made them. */
    @Test
    void otherNodesHearChangesInOrder() {
        RouteTable a = join("a");
        RecordingRouteListener onB = new RecordingRouteListener();
        RecordingRouteListener onC = new RecordingRouteListener();
        join("b").listen(onB);
        join("c").listen(onC);

        a.add("f/1");
        a.add("f/2");
        a.remove("f/1");
        a.add("f/1");

        for (RecordingRouteListener listener : new RecordingRouteListener[] {onB, onC}) {
            assertThat(listener.nextChange()).isEqualTo("added a f/1");
            assertThat(listener.nextChange()).isEqualTo("added a f/2");
            assertThat(listener.nextChange()).isEqualTo("removed a f/1");
            assertThat(listener.nextChange()).isEqualTo("added a f/1");
        }
    }

    /** A node does not hear its own changes: it knows them already. */
    @Test
    void aNodeDoesNotHearItsOwnChanges() {
        RouteTable a = join("a");
        RouteTable b = join("b");
        RecordingRouteListener onA = new RecordingRouteListener();
        a.listen(onA);

        a.add("mine");
        a.remove("mine");
        b.add("marker");

        // Nothing was lost either: no resync comes first.
        assertThat(onA.next()).isEqualTo("added b marker");
    }

    /** Adding a filter the node has, or removing one it has not, changes nothing and tells no one. */
    @Test
    void repeatedAddsAndAbsentRemovesAreNotChanges() {
        RouteTable a = join("a");
        RecordingRouteListener onB = new RecordingRouteListener();
        join("b").listen(onB);

        a.add("f");
        a.add("f");
        a.remove("never-added");
        a.remove("f");
        a.remove("f");
        a.add("marker");

        assertThat(onB.nextChange()).isEqualTo("added a f");
        assertThat(onB.nextChange()).isEqualTo("removed a f");
        assertThat(onB.nextChange()).isEqualTo("added a marker");
        assertThat(a.snapshot()).isEqualTo(Map.of("a", Set.of("marker")));
    }

    /**
     * The adopter of a departed node removes its routes: they leave the snapshot, and every node
     * but the departed one hears it, the adopter included (it routes by the same index).
     */
    @Test
    void removingADepartedNodeDeletesItsRoutesAndTellsTheOthers() {
        RouteTable departed = join("a");
        RouteTable adopter = join("b");
        RecordingRouteListener onAdopter = new RecordingRouteListener();
        RecordingRouteListener onC = new RecordingRouteListener();
        adopter.listen(onAdopter);
        join("c").listen(onC);
        departed.add("f/1");
        departed.add("f/2");
        adopter.add("kept");
        assertThat(onC.nextChange()).isEqualTo("added a f/1");
        assertThat(onC.nextChange()).isEqualTo("added a f/2");
        assertThat(onC.nextChange()).isEqualTo("added b kept");

        adopter.removeNode("a");

        assertThat(onC.nextChange()).isEqualTo("node-removed a");
        assertThat(onAdopter.nextChange()).isEqualTo("added a f/1");
        assertThat(onAdopter.nextChange()).isEqualTo("added a f/2");
        assertThat(onAdopter.nextChange()).isEqualTo("node-removed a");
        assertThat(adopter.snapshot()).isEqualTo(Map.of("b", Set.of("kept")));
    }

    /**
     * When a node's link to the backend comes back it hears resync, and its snapshot then holds
     * what changed meanwhile; changes after that are heard again.
     */
    @Test
    void aNodeWhoseLinkCameBackHearsResyncAndCanRebuild() {
        RouteTable a = join("a");
        RouteTable b = join("b");
        RecordingRouteListener onB = new RecordingRouteListener();
        b.listen(onB);
        a.add("before");
        assertThat(onB.nextChange()).isEqualTo("added a before");

        interruptLink("b");
        a.add("during");

        onB.awaitResync();
        assertThat(b.snapshot()).isEqualTo(Map.of("a", Set.of("before", "during")));
        a.add("after");
        String heard = onB.nextChange();
        if (heard.equals("added a during")) {
            heard = onB.nextChange();
        }
        assertThat(heard).isEqualTo("added a after");
    }
}
