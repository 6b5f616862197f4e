package dev.tern.application.cluster.memory;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.domain.message.ApplicationMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands messages straight to the receiving node's receiver on the calling thread (receivers must
 * not block). Durable messages stay in the cluster's unsettled map until settled, and come again
 * to the next receiver of their node; a node with the cluster's bound of them unsettled refuses
 * more (the send fails). Threading: thread-safe.
 */
final class InMemoryForwarding implements MessageForwarding {

    private final InMemoryCluster cluster;
    private final String nodeId;
    private volatile ForwardReceiver receiver;

    InMemoryForwarding(InMemoryCluster cluster, String nodeId) {
        this.cluster = cluster;
        this.nodeId = nodeId;
    }

    @Override
    public void sendAtMostOnce(String node, ForwardedMessage message) {
        ForwardReceiver target = receiverOf(node);
        if (target != null) {
            target.message(message, () -> { });
        }
    }

    @Override
    public CompletionStage<Void> sendDurably(String node, ForwardedMessage message) {
        ForwardReceiver target;
        synchronized (cluster) {
            Map<String, ForwardedMessage> waiting = cluster.unsettled.computeIfAbsent(node, n -> new LinkedHashMap<>());
            if (waiting.size() >= cluster.forwardBound) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "node " + node + " has " + cluster.forwardBound + " unsettled messages; refusing more"));
            }
            waiting.put(message.id(), message);
            target = receiverOf(node);
        }
        if (target != null) {
            target.message(message, () -> settle(node, message.id()));
        }
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void broadcastRetained(ApplicationMessage message) {
        List<ForwardReceiver> others = new ArrayList<>();
        synchronized (cluster) {
            cluster.receivers.forEach((node, forwarding) -> {
                if (!node.equals(nodeId) && forwarding.receiver != null) {
                    others.add(forwarding.receiver);
                }
            });
        }
        others.forEach(r -> r.retained(message));
    }

    @Override
    public void signal(String node, ClusterSignal signal) {
        ForwardReceiver target = receiverOf(node);
        if (target != null) {
            target.signal(signal);
        }
    }

    @Override
    public void receive(ForwardReceiver newReceiver) {
        List<ForwardedMessage> left;
        synchronized (cluster) {
            this.receiver = newReceiver;
            cluster.receivers.put(nodeId, this);
            left = new ArrayList<>(cluster.unsettled.getOrDefault(nodeId, Map.of()).values());
        }
        left.forEach(m -> newReceiver.message(m, () -> settle(nodeId, m.id())));
    }

    @Override
    public void drainDeparted(String departed, ForwardReceiver adopter) {
        List<ForwardedMessage> left;
        synchronized (cluster) {
            Map<String, ForwardedMessage> messages = cluster.unsettled.remove(departed);
            left = messages == null ? List.of() : new ArrayList<>(messages.values());
        }
        left.forEach(m -> adopter.message(m, () -> { }));
    }

    void resync() {
        ForwardReceiver current = receiver;
        if (current != null) {
            current.resync();
        }
    }

    private ForwardReceiver receiverOf(String node) {
        synchronized (cluster) {
            InMemoryForwarding forwarding = cluster.receivers.get(node);
            return forwarding == null ? null : forwarding.receiver;
        }
    }

    private void settle(String node, String id) {
        synchronized (cluster) {
            Map<String, ForwardedMessage> messages = cluster.unsettled.get(node);
            if (messages != null) {
                messages.remove(id);
            }
        }
    }
}
