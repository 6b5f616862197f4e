package dev.tern.application.cluster;

import static dev.tern.application.cluster.ClusterClients.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.cluster.RouteListener;
import dev.tern.application.port.cluster.RouteTable;
import dev.tern.application.protocol.packet.Connect;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.domain.message.Qos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The adopter of a dead node puts its own routes for the sessions it adopted into the table before
 * it removes the dead node's (docs/cluster.md, 3.5): a node that hears the route changes in order
 * always has a route for those sessions' filters, so no QoS 1/2 message published meanwhile finds none.
 */
class AdoptedRoutesTest {

    private final ClusterRig rig = new ClusterRig();
    private final FullNode a = rig.startFull("a");
    private final FullNode b = rig.startFull("b");
    private final FullNode c = rig.startFull("c");

    /** What a node that only listens sees of the table: every node's filters, after each change in turn. */
    private static final class Watcher implements RouteListener {
        final Map<String, Set<String>> routes = new HashMap<>();
        final List<String> changes = new ArrayList<>();
        final List<Boolean> anyNodeHasFilter = new ArrayList<>();
        private final String filter;

        Watcher(RouteTable table, String filter) {
            this.filter = filter;
            table.snapshot().forEach((node, filters) -> routes.put(node, new HashSet<>(filters)));
        }

        @Override
        public void added(String nodeId, String added) {
            routes.computeIfAbsent(nodeId, n -> new HashSet<>()).add(added);
            record("added " + nodeId + " " + added);
        }

        @Override
        public void removed(String nodeId, String removed) {
            routes.getOrDefault(nodeId, new HashSet<>()).remove(removed);
            record("removed " + nodeId + " " + removed);
        }

        @Override
        public void nodeRemoved(String nodeId) {
            routes.remove(nodeId);
            record("node removed " + nodeId);
        }

        @Override
        public void resync() {
        }

        private void record(String change) {
            changes.add(change);
            anyNodeHasFilter.add(routes.values().stream().anyMatch(filters -> filters.contains(filter)));
        }
    }

    @Test
    void theAdoptersRoutesForTheAdoptedSessionsAreInTheTableBeforeTheDeadNodesRoutesGo() {
        Properties expiry = Properties.builder().integer(PropertyId.SESSION_EXPIRY_INTERVAL, 3_600).build();
        FullNode.Client away = a.client(ProtocolVersion.MQTT_5)
                .send(new Connect(ProtocolVersion.MQTT_5, false, 0, "away", null, null, null, expiry))
                .send(subscribe("away/cmd", Qos.AT_LEAST_ONCE));
        rig.settle();
        away.drop();
        rig.settle();
        RouteTable watched = rig.cluster.join(new ClusterJoin("watcher", ClusterRig.LEASE)).routes();
        Watcher watcher = new Watcher(watched, "away/cmd");
        watched.listen(watcher);

        a.crash();
        rig.advance(2 * ClusterRig.LEASE.toMillis() + 1_000);

        assertThat(watcher.changes).contains("node removed a");
        assertThat(watcher.changes.get(0)).as("an adopter's route comes first").matches("added [bc] away/cmd");
        assertThat(watcher.anyNodeHasFilter).as("some node has a route for away/cmd after every change")
                .containsOnly(true);
    }
}
