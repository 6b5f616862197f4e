package dev.tern.adapters.storage.redis;

import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.cluster.RouteTable;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Nodes of a cluster on one Redis for a test: each node its own {@link RedisStorage} (its own
 * Redisson client, as on its own machine), all under one key prefix of the test's own. The route
 * table and forwarding are not part of these tests: the nodes get stand-ins that refuse every call.
 *
 * <p>Threading: the test's thread.
 */
final class NodesUnderTest {

    private final Function<String, RedisStorageSettings> settings;
    private final String prefix = "test-" + UUID.randomUUID() + ":";
    private final List<RedisStorage> storages = new ArrayList<>();

    /** @param settings the settings to connect with, given the test's key prefix */
    NodesUnderTest(Function<String, RedisStorageSettings> settings) {
        this.settings = settings;
    }

    static NodesUnderTest on(RedisServerExtension redis) {
        return new NodesUnderTest(prefix -> new RedisStorageSettings(redis.url(), prefix, 0, null));
    }

    /** A new node: its storage, joined to the cluster (lease not yet renewed). */
    Node join(String nodeId, Duration lease) {
        RedisStorage storage = RedisStorage.connect(settings.apply(prefix));
        storages.add(storage);
        return new Node(storage, storage.join(new ClusterJoin(nodeId, lease), join -> noMessaging()));
    }

    /** A storage of the same deployment that joined no cluster: it sees what the nodes wrote. */
    RedisStorage observer() {
        RedisStorage storage = RedisStorage.connect(settings.apply(prefix));
        storages.add(storage);
        return storage;
    }

    void close() {
        storages.forEach(RedisStorage::close);
        storages.clear();
    }

    /** One node: its stores and its view of the cluster. */
    record Node(RedisStorage storage, RedisClusterBackend cluster) {
    }

    private static ClusterMessaging noMessaging() {
        return new ClusterMessaging(refusing(RouteTable.class), refusing(MessageForwarding.class), () -> { });
    }

    private static <T> T refusing(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new UnsupportedOperationException(port.getSimpleName() + " is not part of these tests");
        }));
    }
}
