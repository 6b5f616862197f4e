package dev.tern.bootstrap;

import dev.tern.application.port.cluster.ClusterBackend;
import dev.tern.application.port.cluster.ClusterJoin;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.plugin.StorageOpenException;
import dev.tern.bootstrap.config.ClusterConfig;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Joins the cluster through the opened storage when {@code cluster.enabled} is set. A backend that
 * cannot carry a cluster (h2, memory) stops the broker at start: running as a lone node while the
 * operator believes it shares its clients with others would split one broker in several.
 *
 * <p>Threading: called once, on the starting thread, after storage opened and before the restore.
 */
final class ClusterOpening {

    private ClusterOpening() {
    }

    /**
     * @return the open cluster backend, or empty when clustering is off
     * @throws StorageOpenException when clustering is on and the backend cannot carry a cluster, or joining failed
     */
    static Optional<ClusterBackend> open(ClusterConfig config, Storage storage, RandomGenerator random) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        ClusterJoin join = new ClusterJoin(ClusterNodeId.resolve(config, random), config.lease(),
                config.forwardMaxLength());
        Optional<ClusterBackend> backend = storage.cluster(join);
        if (backend.isEmpty()) {
            throw new StorageOpenException("cluster.enabled is true, but storage " + storage.description()
                    + " cannot carry a cluster: clustering needs storage.backend: redis, every node on the same "
                    + "Redis deployment (or set cluster.enabled: false)");
        }
        return backend;
    }
}
