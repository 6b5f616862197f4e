package dev.tern.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.application.cluster.memory.InMemoryCluster;
import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.cluster.NodeLeases;
import dev.tern.application.port.cluster.RouteTable;
import dev.tern.application.port.cluster.SessionOwnership;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.out.Stores;
import dev.tern.application.storage.memory.InMemoryStorage;
import dev.tern.application.testing.CapturedLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the broker joins a cluster at start: through its storage, only when {@code cluster.enabled},
 * refused by a backend that cannot carry one, and left (closed) at stop before storage.
 */
class ClusterStartTest {

    @RegisterExtension
    final CapturedLog log = CapturedLog.of(BrokerLifecycle.class);

    @TempDir
    Path dir;

    @Test
    void clusteringOnWithTheMemoryBackendStopsTheStartNamingRedis() {
        assertThatThrownBy(() -> Tern.builder().set("cluster.enabled", "true").set("cluster.node-id", "a").start())
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cluster.enabled").hasMessageContaining("storage.backend: redis")
                .hasMessageContaining("memory");
    }

    @Test
    void clusteringOnWithH2StopsTheStartAndClosesTheDatabaseItOpened() throws IOException {
        String path = dir.resolve("tern").toString();
        assertThatThrownBy(() -> Tern.builder().set("storage.backend", "h2").set("storage.h2.path", path)
                .set("cluster.enabled", "true").set("cluster.node-id", "a").start())
                .isInstanceOf(IOException.class).hasMessageContaining("storage.backend: redis");

        // H2 locks its file while open: a second start on it succeeds only if the refused one closed it.
        try (TernBroker broker = Tern.builder().set("storage.backend", "h2").set("storage.h2.path", path).start()) {
            assertThat(broker.port("tcp")).isPositive();
        }
    }

    @Test
    void clusteringOnJoinsThroughStorageWithTheNodeIdAndLeaseAndLeavesAtStop() throws IOException {
        ClusteredMemoryStorage storage = new ClusteredMemoryStorage();

        try (TernBroker broker = Tern.builder().storage(storage).set("cluster.enabled", "true")
                .set("cluster.node-id", "node-a").set("cluster.lease", "7").start()) {
            assertThat(storage.joins).containsExactly(new ClusterJoin("node-a", Duration.ofSeconds(7)));
            assertThat(storage.events).containsExactly("joined");
            assertThat(log.lines()).anyMatch(line -> line.startsWith("Tern ready:") && line.endsWith(", cluster node node-a"));
        }
        assertThat(storage.events).containsExactly("joined", "cluster closed", "storage closed");
    }

    @Test
    void inAClusterTheSysTopicsNameTheNodeByItsIdUnlessANodeNameIsSet() throws Exception {
        try (TernBroker broker = Tern.builder().storage(new ClusteredMemoryStorage()).set("cluster.enabled", "true")
                .set("cluster.node-id", "node-b").start()) {
            assertThat(connectedEventTopic(broker)).isEqualTo("$SYS/brokers/node-b/clients/watched/connected");
        }
        try (TernBroker broker = Tern.builder().storage(new ClusteredMemoryStorage()).set("cluster.enabled", "true")
                .set("cluster.node-id", "node-b").set("sys.node-name", "edge-7").start()) {
            assertThat(connectedEventTopic(broker)).isEqualTo("$SYS/brokers/edge-7/clients/watched/connected");
        }
    }

    private static String connectedEventTopic(TernBroker broker) throws Exception {
        BlockingQueue<String> topics = new LinkedBlockingQueue<>();
        try (var watcher = broker.client("watcher")) {
            watcher.subscribe("$SYS/brokers/+/clients/watched/connected", 0, message -> topics.add(message.topic()))
                    .toCompletableFuture().get(5, TimeUnit.SECONDS);
            broker.client("watched").close();
            return topics.poll(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void clusteringOffNeverAsksStorageForACluster() throws IOException {
        ClusteredMemoryStorage storage = new ClusteredMemoryStorage();

        try (TernBroker broker = Tern.builder().storage(storage).start()) {
            assertThat(log.lines()).anyMatch(line -> line.startsWith("Tern ready:"))
                    .noneMatch(line -> line.contains("cluster node"));
        }
        assertThat(storage.joins).isEmpty();
    }

    /**
     * The memory stores with the in-memory cluster stand-in, recording what the broker does with
     * them; durable as far as the broker knows, since a cluster node records every session it may
     * hand to another node.
     */
    private static final class ClusteredMemoryStorage implements Storage {

        private final InMemoryStorage stores = new InMemoryStorage();
        private final InMemoryCluster cluster = new InMemoryCluster(Clock.systemUTC());
        final List<ClusterJoin> joins = new ArrayList<>();
        final List<String> events = new ArrayList<>();

        @Override
        public String description() {
            return "memory (test)";
        }

        @Override
        public boolean durable() {
            return true;
        }

        @Override
        public Stores stores() {
            return stores.stores();
        }

        @Override
        public Optional<ClusterBackend> cluster(ClusterJoin join) {
            joins.add(join);
            events.add("joined");
            return Optional.of(new Recorded(cluster.join(join), events));
        }

        @Override
        public void close() {
            events.add("storage closed");
        }
    }

    private record Recorded(ClusterBackend node, List<String> events) implements ClusterBackend {

        @Override
        public String nodeId() {
            return node.nodeId();
        }

        @Override
        public NodeLeases leases() {
            return node.leases();
        }

        @Override
        public SessionOwnership ownership() {
            return node.ownership();
        }

        @Override
        public RouteTable routes() {
            return node.routes();
        }

        @Override
        public MessageForwarding forwarding() {
            return node.forwarding();
        }

        @Override
        public void close() {
            node.close();
            events.add("cluster closed");
        }
    }
}
