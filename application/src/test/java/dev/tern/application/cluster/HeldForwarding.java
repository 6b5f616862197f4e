package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.domain.message.ApplicationMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A node's forwarding whose durable sends wait until the test lets them through (or refuses them,
 * as a backend at its bound does); everything else goes straight to the cluster's.
 *
 * <p>Threading: single-threaded; for use by one test thread.
 */
final class HeldForwarding implements MessageForwarding {

    private record Held(String nodeId, ForwardedMessage message, CompletableFuture<Void> done) {
    }

    private final MessageForwarding delegate;
    private final List<Held> held = new ArrayList<>();

    HeldForwarding(MessageForwarding delegate) {
        this.delegate = delegate;
    }

    int held() {
        return held.size();
    }

    /** The held sends reach their nodes and complete. */
    void releaseAll() {
        List<Held> now = new ArrayList<>(held);
        held.clear();
        for (Held h : now) {
            delegate.sendDurably(h.nodeId(), h.message()).whenComplete((v, e) -> h.done().complete(null));
        }
    }

    /** The held sends fail: the backend refused them. */
    void refuseAll() {
        List<Held> now = new ArrayList<>(held);
        held.clear();
        now.forEach(h -> h.done().completeExceptionally(new IllegalStateException("stream full")));
    }

    @Override
    public CompletionStage<Void> sendDurably(String nodeId, ForwardedMessage message) {
        Held h = new Held(nodeId, message, new CompletableFuture<>());
        held.add(h);
        return h.done();
    }

    @Override
    public void sendAtMostOnce(String nodeId, ForwardedMessage message) {
        delegate.sendAtMostOnce(nodeId, message);
    }

    @Override
    public void broadcastRetained(ApplicationMessage message) {
        delegate.broadcastRetained(message);
    }

    @Override
    public void signal(String nodeId, ClusterSignal signal) {
        delegate.signal(nodeId, signal);
    }

    @Override
    public void receive(ForwardReceiver receiver) {
        delegate.receive(receiver);
    }

    @Override
    public void drainDeparted(String nodeId, ForwardReceiver receiver) {
        delegate.drainDeparted(nodeId, receiver);
    }
}
