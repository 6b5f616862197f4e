package dev.tern.application.cluster;

import dev.tern.application.logging.LogThrottle;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.cluster.MessageForwarding;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.service.MessageForwarder;
import dev.tern.application.service.RemoteTargets;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a message published on this node to the other nodes whose routes match it: one {@link
 * ForwardedMessage} per node, never one per subscriber, each with the publish's one id. QoS 0 goes
 * at most once; QoS 1 and 2 go durably, and the publisher's {@link PendingAck} waits for each durable send, failing when the
 * backend refuses one (the publisher is then not told its message is safe: MQTT 5 0x80).
 *
 * <p>The broker's own {@code $SYS} messages (no publisher) describe this node and stay on it.
 *
 * <p>Threading: thread-safe; called on publishers' threads; the sends do not block.
 */
public final class ClusterForwarder implements MessageForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterForwarder.class);

    private final String nodeId;
    private final RemoteRoutes routes;
    private final ForwardSend sends;
    private final SeenMessageIds seen;
    private final AtomicLong sequence = new AtomicLong();
    private final HandoverRelay relay;

    /**
     * @param seen this node's memory of forwarded ids, shared with its receiver: the id of each
     *             message published here and forwarded is remembered as seen before the message is
     *             routed here, so that a departed node's drained copy of it is told from the one
     *             that reached a session here directly
     */
    public ClusterForwarder(String nodeId, RemoteRoutes routes, MessageForwarding forwarding, SeenMessageIds seen,
            Clock clock, HandoverRelay relay) {
        this(nodeId, routes, forwarding, seen, clock, ForwardMeters.NONE, relay);
    }

    /**
     * @param relay sessions this node handed over moments ago: a message published here that
     *              matches one is relayed to its new owner (docs/cluster.md, 3.4)
     */
    public ClusterForwarder(String nodeId, RemoteRoutes routes, MessageForwarding forwarding, SeenMessageIds seen,
            Clock clock, ForwardMeters meters, HandoverRelay relay) {
        this.relay = relay;
        this.nodeId = nodeId;
        this.routes = routes;
        this.sends = new ForwardSend(forwarding, new CountedSends(meters, new LogThrottle(clock, Duration.ofMinutes(1))));
        this.seen = seen;
    }

    @Override
    public RemoteTargets match(ApplicationMessage message, TopicFilter onlyGroup) {
        if (routes.isEmpty() || isOwnSystemMessage(message)) {
            return null;
        }
        RouteMatch match = new RouteMatch(onlyGroup);
        routes.match(message.topic(), match);
        return match.targets;
    }

    /**
     * Relays {@code message} for each session this node handed over moments ago whose filters match
     * it, under the forward id of {@code remote} (so that a node that gets it both ways can tell),
     * or a new one. Asked after the message was handed to this node's sessions: a session that
     * leaves meanwhile is reached one way or the other (docs/cluster.md, 3.4). Allocates nothing
     * while no session is in its window.
     */
    @Override
    public int relay(ApplicationMessage message, RemoteTargets remote, PendingAck ack) {
        if (!relay.isOpen() || isOwnSystemMessage(message)) {
            return 0;
        }
        String[] id = {remote == null ? null : remote.id()};
        int[] relays = {0};
        relay.match(message, (node, clientId) -> {
            if (id[0] == null) {
                id[0] = nextId();
            }
            sends.send(node, ForwardedMessage.relayed(id[0], message, clientId), ack);
            relays[0]++;
        });
        return relays[0];
    }

    private static boolean isOwnSystemMessage(ApplicationMessage message) {
        return message.publisherId().isEmpty() && message.topic().isSystemTopic();
    }

    /** One id per publish, the same for every destination, remembered as seen here at once. */
    private String nextId() {
        String id = nodeId + ":" + sequence.incrementAndGet();
        seen.firstSight(id);
        seen.settled(id);
        return id;
    }

    @Override
    public void forward(ApplicationMessage message, RemoteTargets targets, PendingAck ack) {
        // One id per publish, the same for every destination: a node that gets one message both
        // directly and from a departed node's inbox it drains can tell.
        String id = targets.id();
        targets.forEach((node, plain, groups) -> sends.send(node, new ForwardedMessage(id, message, plain, groups), ack));
    }

    /** Counts every send; logs failures, at most one line a minute with the count of the rest. */
    private record CountedSends(ForwardMeters meters, LogThrottle failureLog) implements ForwardSend.Report {
        @Override
        public void sentAtMostOnce() {
            meters.sentAtMostOnce();
        }

        @Override
        public void sentDurably() {
            meters.sentDurably();
        }

        @Override
        public void failed(String node, ForwardedMessage forwarded, Throwable error) {
            meters.failed();
            LogThrottle.Admitted admitted = failureLog.admit();
            if (admitted != null) {
                LOG.warn("could not forward a message to node {}: {}{}", node, error.toString(),
                        admitted.hasUnlogged() ? "; " + admitted.count() + " more since " + admitted.since() : "");
            }
        }
    }

    /** Collects the nodes whose routes match; allocates the targets (and the id) only at the first match. */
    private final class RouteMatch implements SubscriptionIndex.MatchVisitor {
        private final TopicFilter onlyGroup;
        RemoteTargets targets;

        RouteMatch(TopicFilter onlyGroup) {
            this.onlyGroup = onlyGroup;
        }

        @Override
        public void visit(String node, TopicFilter filter, SubscriptionOptions options) {
            if (onlyGroup != null && !onlyGroup.equals(filter)) {
                return;
            }
            if (targets == null) {
                targets = new RemoteTargets(nextId());
            }
            if (filter.isShared()) {
                targets.sharedMember(node, filter);
            } else {
                targets.plain(node);
            }
        }
    }
}
