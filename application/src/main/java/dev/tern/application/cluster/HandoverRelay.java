package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.session.ClientSession;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.topic.TopicFilter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The old owner's side of a session's move to another node (docs/cluster.md, 3.4): for the relay
 * window after this node let a persistent session go, it keeps the session's non-shared filters,
 * holds its own routes for them (so that no publisher anywhere finds no route before the new
 * owner's routes are known), and relays every message that reaches it for the session to the new
 * owner, as a {@link ForwardedMessage#relayed} copy with the message's one forward id: the new
 * owner gives it to that session only, once loaded, unless the session got that id directly.
 *
 * <p>Threading: thread-safe. {@link #handedOver} runs on the session's executor, {@link #cancel}
 * on the cluster executor, the lookups on publishers' and the backend's receiving threads (a
 * lock-free index match, nothing at all while no session is in its window); the window ends on the
 * cluster executor.
 */
public final class HandoverRelay {

    private static final Logger LOG = LoggerFactory.getLogger(HandoverRelay.class);

    private final ForwardSend sends;
    private final SubscriptionIndex.Listener ownRoutes;
    private final TaskExecutor clusterExecutor;
    private final long windowMillis;
    /** Keyed by the client ids in their window: their filters, for matching. */
    private final SubscriptionIndex relayed = new SubscriptionIndex();
    private final Map<String, Moved> moved = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();

    private record Moved(String newOwner, List<TopicFilter> filters) {
    }

    /**
     * @param ownRoutes this node's route counts ({@code LocalRoutes}): a moved session's filters
     *                  count as subscribed here until its window ends
     * @param window    how long after a handover messages for the session are relayed
     */
    public HandoverRelay(MessageForwarding forwarding, SubscriptionIndex.Listener ownRoutes,
            TaskExecutor clusterExecutor, Duration window) {
        this.sends = new ForwardSend(forwarding, HandoverRelay::relayFailed);
        this.ownRoutes = ownRoutes;
        this.clusterExecutor = clusterExecutor;
        this.windowMillis = window.toMillis();
    }

    /** Before {@code session} leaves this node for {@code newOwner}: its window starts. */
    void handedOver(ClientSession session, String newOwner) {
        List<TopicFilter> filters = new ArrayList<>();
        for (Subscription subscription : session.state().subscriptions()) {
            if (!subscription.filter().isShared()) {
                filters.add(subscription.filter());
            }
        }
        if (filters.isEmpty() || windowMillis <= 0) {
            return;
        }
        String clientId = session.clientId();
        Moved entry = new Moved(newOwner, List.copyOf(filters));
        end(clientId, moved.get(clientId));
        // The routes first: counted before the session's own subscriptions leave, so none drops to 0.
        filters.forEach(ownRoutes::subscribed);
        for (Subscription subscription : session.state().subscriptions()) {
            if (!subscription.filter().isShared()) {
                relayed.subscribe(clientId, subscription.filter(), subscription.options());
            }
        }
        moved.put(clientId, entry);
        open.incrementAndGet();
        clusterExecutor.schedule(() -> end(clientId, entry), windowMillis);
    }

    /** {@code clientId} connects here again: nothing of it is relayed any more. */
    void cancel(String clientId) {
        if (open.get() > 0) {
            end(clientId, moved.get(clientId));
        }
    }

    /** Whether any session is in its window (a read of one counter: the publishers' fast path). */
    boolean isOpen() {
        return open.get() > 0;
    }

    /**
     * Calls {@code to} with (new owner, client id) for each session in its window whose filters
     * match {@code message}: a message published here, or forwarded here, after the session left.
     */
    void match(ApplicationMessage message, BiConsumer<String, String> to) {
        if (open.get() == 0) {
            return;
        }
        List<String> clients = new ArrayList<>(2);
        relayed.match(message.topic(), (clientId, filter, options) -> {
            if (!clients.contains(clientId)) {
                clients.add(clientId);
            }
        });
        for (String clientId : clients) {
            Moved entry = moved.get(clientId);
            if (entry != null) {
                to.accept(entry.newOwner(), clientId);
            }
        }
    }

    /**
     * A message another node forwarded here, just routed to this node's own sessions: relays it for
     * each moved session it matches. Called after that routing, never before: a session that left
     * between the two is then either still reached here (its delivery was queued before it left) or
     * in its window by the time this looks (docs/cluster.md, 3.4). Each durable relay is one more
     * write {@code ack} waits for, so the message is settled here only once each relay is safe too
     * (a relay that fails leaves it unsettled, so that it comes again).
     *
     * @param ack the copies' ack of a QoS 1/2 message, before its routing count is released; null for QoS 0
     */
    void relayForwarded(ForwardedMessage forwarded, PendingAck ack) {
        if (open.get() == 0 || !forwarded.plain()) {
            return;
        }
        match(forwarded.message(), (owner, clientId) ->
                sends.send(owner, ForwardedMessage.relayed(forwarded.id(), forwarded.message(), clientId), ack));
    }

    /** A failed QoS 1/2 relay also leaves its message unsettled here (its ack fails), so that it comes again. */
    private static void relayFailed(String node, ForwardedMessage relay, Throwable error) {
        LOG.warn("could not relay message {} to node {}{}: {}", relay.id(), node,
                relay.message().qos() == Qos.AT_MOST_ONCE ? "" : "; left unsettled here", error.toString());
    }

    private void end(String clientId, Moved entry) {
        if (entry == null || !moved.remove(clientId, entry)) {
            return;
        }
        open.decrementAndGet();
        relayed.unsubscribeAll(clientId, entry.filters());
        entry.filters().forEach(ownRoutes::unsubscribed);
    }
}
