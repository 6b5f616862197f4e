package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.domain.message.ApplicationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A forwarding backend whose durable sends all end as one given stage (kept, refused, or still
 * underway), or throw when there is none; it records where each send went and does nothing else.
 *
 * <p>Threading: the test's thread only.
 */
final class ScriptedForwarding implements MessageForwarding {

    private final CompletionStage<Void> durable;
    final List<String> sent = new ArrayList<>();

    /** @param durable what every durable send returns; null: every durable send throws */
    ScriptedForwarding(CompletionStage<Void> durable) {
        this.durable = durable;
    }

    @Override
    public void sendAtMostOnce(String nodeId, ForwardedMessage message) {
        sent.add("at most once to " + nodeId);
    }

    @Override
    public CompletionStage<Void> sendDurably(String nodeId, ForwardedMessage message) {
        if (durable == null) {
            throw new IllegalStateException("backend gone");
        }
        sent.add("durably to " + nodeId);
        return durable;
    }

    @Override
    public void broadcastRetained(ApplicationMessage message) {
    }

    @Override
    public void signal(String nodeId, ClusterSignal signal) {
    }

    @Override
    public void receive(ForwardReceiver receiver) {
    }

    @Override
    public void drainDeparted(String nodeId, ForwardReceiver receiver) {
    }
}
