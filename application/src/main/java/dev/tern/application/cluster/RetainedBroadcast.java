package dev.tern.application.cluster;

import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.retained.RetainedChanges;
import dev.tern.domain.message.ApplicationMessage;

/**
 * Tells the other nodes of the cluster about each retained message this node sets or deletes;
 * they apply it in memory ({@link RetainedSync}), this node having stored it. The broker's own
 * {@code $SYS} figures describe this node and are not sent.
 *
 * <p>Threading: thread-safe; called on publishers' threads; the broadcast does not block.
 */
public final class RetainedBroadcast implements RetainedChanges {

    private final MessageForwarding forwarding;

    public RetainedBroadcast(MessageForwarding forwarding) {
        this.forwarding = forwarding;
    }

    @Override
    public void changed(ApplicationMessage message) {
        if (message.publisherId().isEmpty() && message.topic().isSystemTopic()) {
            return;
        }
        forwarding.broadcastRetained(message);
    }
}
