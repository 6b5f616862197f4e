package dev.tern.application.cluster;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.domain.message.ApplicationMessage;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's retained messages in step with the other nodes': a change another node made
 * (and stored) is applied in memory only; when changes may have been missed (the backend's
 * connection came back) every retained message is read back from the store the nodes share.
 *
 * <p>Threading: {@link #apply} on the backend's receiving thread, without blocking; {@link
 * #reload} queues the store read on the cluster executor.
 */
public final class RetainedSync {

    private static final Logger LOG = LoggerFactory.getLogger(RetainedSync.class);

    private final RetainedMessages retained;
    private final RetainedMessageStore store;
    private final TaskExecutor clusterExecutor;
    private final Clock clock;

    public RetainedSync(RetainedMessages retained, RetainedMessageStore store, TaskExecutor clusterExecutor,
            Clock clock) {
        this.retained = retained;
        this.store = store;
        this.clusterExecutor = clusterExecutor;
        this.clock = clock;
    }

    /** Another node set (or, with an empty payload, deleted) a retained message. */
    public void apply(ApplicationMessage message) {
        retained.applyRemote(message);
    }

    /** Queues a reload of every retained message from the store. */
    public void reload() {
        clusterExecutor.execute(this::reloadNow);
    }

    private void reloadNow() {
        try {
            long now = clock.millis();
            List<ApplicationMessage> loaded = store.loadAll().stream().filter(m -> !m.isExpiredAt(now)).toList();
            retained.replaceAll(loaded);
            LOG.info("reloaded {} retained messages from the store", loaded.size());
        } catch (RuntimeException e) {
            // The backend tells again when its connection is back.
            LOG.warn("could not reload retained messages from the store: {}", e.toString());
        }
    }
}
