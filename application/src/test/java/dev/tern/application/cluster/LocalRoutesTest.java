package dev.tern.application.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.cluster.RouteListener;
import dev.tern.application.port.cluster.RouteTable;
import dev.tern.application.testing.ManualClock;
import dev.tern.application.testing.ManualExecutor;
import dev.tern.domain.topic.TopicFilter;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalRoutesTest {

    private final ManualClock clock = new ManualClock(0);
    private final ManualExecutor clusterLoop = new ManualExecutor(clock);
    private final FlakyTable table = new FlakyTable();
    private final LocalRoutes routes = new LocalRoutes(table, clusterLoop, clock);

    @Test
    void tellsTheTableOnlyWhenAFiltersCountLeavesOrReachesZero() {
        routes.subscribed(TopicFilter.parse("t"));
        routes.subscribed(TopicFilter.parse("t"));
        routes.unsubscribed(TopicFilter.parse("t"));
        assertThat(table.calls).isZero();

        clusterLoop.runPending();
        assertThat(table.filters).containsExactly("t");
        assertThat(table.calls).isEqualTo(1);

        routes.unsubscribed(TopicFilter.parse("t"));
        clusterLoop.runPending();
        assertThat(table.filters).isEmpty();
        assertThat(routes.filters()).isEmpty();
    }

    @Test
    void setsRightWhatTheTableMissedWhileItsBackendWasDown() {
        routes.subscribed(TopicFilter.parse("stays"));
        clusterLoop.runPending();
        table.down = true;
        routes.subscribed(TopicFilter.parse("added"));
        routes.unsubscribed(TopicFilter.parse("stays"));
        clusterLoop.runPending();
        assertThat(table.filters).containsExactly("stays");

        table.down = false;
        routes.reconcile(Set.copyOf(table.filters));

        assertThat(table.filters).containsExactly("added");
    }

    /** This node's routes in a table whose backend can be down. Threading: single-threaded. */
    private static final class FlakyTable implements RouteTable {
        final Set<String> filters = new HashSet<>();
        boolean down;
        int calls;

        @Override
        public void add(String filter) {
            calls++;
            check();
            filters.add(filter);
        }

        @Override
        public void remove(String filter) {
            calls++;
            check();
            filters.remove(filter);
        }

        private void check() {
            if (down) {
                throw new IllegalStateException("backend unreachable");
            }
        }

        @Override
        public Map<String, Set<String>> snapshot() {
            return Map.of("self", Set.copyOf(filters));
        }

        @Override
        public void removeNode(String nodeId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void listen(RouteListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
