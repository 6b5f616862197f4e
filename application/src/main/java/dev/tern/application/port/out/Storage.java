package dev.tern.application.port.out;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import java.util.Optional;

/**
 * One opened storage backend: its stores, the group commit that makes their writes durable
 * together, and how to close it. Built by a {@code StorageProvider}.
 *
 * <p>Threading: the stores are thread-safe; {@link #close()} is called once, after the broker's
 * last write.
 */
public interface Storage extends AutoCloseable {

    /** For the ready line and logs: {@code h2 /var/lib/tern/tern}, {@code redis 127.0.0.1:6379}. */
    String description();

    /**
     * Whether what is written outlives the process. The broker records nothing to a backend that
     * is not durable and restores nothing from it.
     */
    boolean durable();

    /** The backend's stores and group commit, the same instance on every call. */
    Stores stores();

    default SessionStore sessions() {
        return stores().sessions();
    }

    default SubscriptionStore subscriptions() {
        return stores().subscriptions();
    }

    default RetainedMessageStore retained() {
        return stores().retained();
    }

    default MessageQueueStore queues() {
        return stores().queues();
    }

    default InflightStore inflight() {
        return stores().inflight();
    }

    default StorageTransactions transactions() {
        return stores().transactions();
    }

    /**
     * Joins a cluster of nodes sharing this backend (docs/cluster.md), when the backend can carry
     * one; empty when it cannot. Called at most once, before the broker restores anything; from
     * then on the stores fence each client's writes with this node's ownership epoch.
     *
     * @throws RuntimeException (a {@code StorageOpenException}) when the backend can carry a cluster but joining failed
     */
    default Optional<ClusterBackend> cluster(ClusterJoin join) {
        return Optional.empty();
    }

    /** Releases connections and files; what was committed stays. */
    @Override
    void close();
}
