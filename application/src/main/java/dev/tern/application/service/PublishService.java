package dev.tern.application.service;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.TaskExecutor;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SerialExecutor;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicFilter;
import java.time.Clock;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes an application message: keeps it when retained, finds the matching subscriptions and
 * hands one delivery per session to that session's executor (4.5, 4.7); in a cluster, sends it
 * once to each other node with matching routes ({@link MessageForwarder}). Every message routed
 * here, a client's PUBLISH or a will, is reported as {@link BrokerEvent.MessagePublished}; the
 * broker's own messages ({@code $SYS}, with an empty publisher) are not.
 *
 * <p>Threading: thread-safe; called on the publisher's event loop (or, for a forwarded message,
 * the cluster backend's thread). It touches another session's state only under that session's
 * executor: at once, holding a claim of it, when the session's connection is on this thread and
 * nothing is queued for it; otherwise the delivery hops to the session's executor.
 */
public final class PublishService {

    private static final Logger LOG = LoggerFactory.getLogger(PublishService.class);

    private final SubscriptionIndex subscriptions;
    private final RetainedMessages retained;
    private final SessionRegistry sessions;
    private final DeliveryService delivery;
    private final SharedSubscriptionPicker sharedPicker;
    private final BrokerEvents events;
    private final Clock clock;
    private final MessageForwarder forwarder;
    private final LoopHandOff.Deliverer deliverNow = this::deliverNow;

    /** A single node's: nothing is forwarded. */
    public PublishService(SubscriptionIndex subscriptions, RetainedMessages retained, SessionRegistry sessions,
            DeliveryService delivery, SharedSubscriptionPicker sharedPicker, BrokerEvents events, Clock clock) {
        this(subscriptions, retained, sessions, delivery, sharedPicker, events, clock, MessageForwarder.NONE);
    }

    public PublishService(SubscriptionIndex subscriptions, RetainedMessages retained, SessionRegistry sessions,
            DeliveryService delivery, SharedSubscriptionPicker sharedPicker, BrokerEvents events, Clock clock,
            MessageForwarder forwarder) {
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.sessions = sessions;
        this.delivery = delivery;
        this.sharedPicker = sharedPicker;
        this.events = events;
        this.clock = clock;
        this.forwarder = forwarder;
    }

    /**
     * What {@link #publish} returns for a retained message the retained store refused at its limit
     * ({@code limits.retained.when-full: refuse}): the message was neither kept nor routed.
     */
    public static final int REFUSED = -1;

    /** Returns the number of sessions (and other nodes) the message was handed to, or {@link #REFUSED}. */
    public int publish(ApplicationMessage message) {
        return publish(message, null);
    }

    /**
     * Routes a message; {@code ack}, when not null, is counted up for every copy that must be
     * stored (the retained message, QoS 1/2 copies for persistent sessions, QoS 1/2 sends to other
     * nodes) and down as each is durable. The caller releases its own count afterwards. Returns the
     * number of sessions and other nodes the message was handed to, or {@link #REFUSED}: a retained
     * message the full retained store refuses is not routed either, so that a publisher told
     * "refused" knows nobody got it.
     */
    public int publish(ApplicationMessage message, PendingAck ack) {
        // Broker-made messages (the $SYS topics, with no publisher) are not reported as published.
        if (events.messageEventsEnabled() && !message.publisherId().isEmpty()) {
            events.emit(new BrokerEvent.MessagePublished(clock.instant(), message.publisherId(),
                    message.topic().value(), message.qos().value(), message.retain(), message.payload().size()));
        }
        if (message.retain() && !retained.retain(message, ack)) {
            return REFUSED;
        }
        // The remote routes first: in a cluster the message's forward id is taken before it is
        // routed here, so that a session that came here after the id reached it here (DrainedDelivery).
        RemoteTargets remote = forwarder.match(message, null);
        int receivers = route(message, new MatchedTargets(message.publisherId(), true, null), remote, ack);
        // After the hand-out here, never before: a session this node hands over to another node
        // meanwhile is then either still reached here or relayed to it (docs/cluster.md, 3.4).
        receivers += forwarder.relay(message, remote, ack);
        // The broker's own $SYS figures (no publisher) are not lost client messages: not counted.
        if (receivers == 0 && !message.retain() && !message.publisherId().isEmpty()) {
            delivery.noSubscriber();
        }
        return receivers;
    }

    /**
     * Whether a message of the broker's own (no publisher, not retained) on a topic whose first
     * level is {@code firstLevel}, a {@code $} level, could reach anybody now. Only this node's
     * subscriptions count: such messages describe this node and are never forwarded ({@link
     * MessageForwarder}s leave them here), nor reported as published. False means publishing it
     * would reach nobody, so it need not even be built.
     */
    public boolean brokerMessageMayReachAnyone(String firstLevel) {
        return subscriptions.mayMatchFirstLevel(firstLevel);
    }

    /**
     * Routes a message another node of the cluster forwarded here, to this node's subscriptions
     * only: the non-shared ones if {@code plain}, and one local member of each of {@code
     * sharedGroups} (shared filter texts). Not retained, not reported as published, not forwarded
     * again: the publishing node did that. {@code ack} as for {@link #publish(ApplicationMessage,
     * PendingAck)}. Returns the number of sessions the message was handed to.
     */
    public int publishForwarded(ApplicationMessage message, boolean plain, Set<String> sharedGroups, PendingAck ack) {
        return publishForwarded(message, plain, sharedGroups, null, ack);
    }

    /**
     * As {@link #publishForwarded(ApplicationMessage, boolean, Set, PendingAck)}, with the
     * non-shared subscriptions of the sessions {@code takes} accepts only (null: every one): a
     * departed node's drained message goes to the sessions that node held, not to every subscriber
     * here. A shared group still picks any local member: the publisher chose the departed node
     * for the group, so no member here got this copy.
     */
    public int publishForwarded(ApplicationMessage message, boolean plain, Set<String> sharedGroups,
            Predicate<String> takes, PendingAck ack) {
        MatchedTargets matches = new MatchedTargets(message.publisherId(), plain, sharedGroups, takes);
        int receivers = route(message, matches, null, ack);
        if (receivers == 0 && !message.retain()) {
            delivery.noSubscriber();
        }
        return receivers;
    }

    /**
     * Hands a message to one member of a shared subscription group, as when the member that held it
     * ended its session (4.8.2); in a cluster the member may be on another node. The message keeps
     * its original QoS cap of the group's subscriptions.
     */
    public void publishToShareGroup(TopicFilter sharedFilter, ApplicationMessage message) {
        MatchedTargets matches = new MatchedTargets(message.publisherId(), false, Set.of(sharedFilter.value()));
        RemoteTargets remote;
        try {
            subscriptions.match(message.topic(), matches);
            remote = forwarder.match(message, sharedFilter);
            matches.pickSharedMembers(sharedPicker, sessions, remote);
            matches.targets.forEach(target -> {
                ClientSession session = sessions.get(target.clientId);
                if (session != null) {
                    handOver(session, target.toDelivery(message), null, null);
                }
            });
        } finally {
            matches.release();
        }
        if (remote != null) {
            forwarder.forward(message, remote, null);
        }
    }

    /** Matches, then hands out; the targets go back to this thread whatever happens. */
    private int route(ApplicationMessage message, MatchedTargets matches, RemoteTargets remote, PendingAck ack) {
        try {
            subscriptions.match(message.topic(), matches);
            return handOut(message, matches, remote, ack);
        } finally {
            matches.release();
        }
    }

    /**
     * Picks the shared members, hands one copy to each local target, then sends to the other
     * nodes. In a fan-out the copies for sessions of other loops go there in one task per loop.
     */
    private int handOut(ApplicationMessage message, MatchedTargets matches, RemoteTargets remote, PendingAck ack) {
        matches.pickSharedMembers(sharedPicker, sessions, remote);
        int targets = matches.targets.size();
        LoopHandOffs handOffs = targets > 1 ? new LoopHandOffs(deliverNow, targets) : null;
        try {
            matches.targets.forEach(target -> {
                ClientSession session = sessions.get(target.clientId);
                if (session != null) {
                    handOver(session, matches.deliveryFor(target, message), ack, handOffs);
                }
            });
        } finally {
            // Even if the pass failed half-way: the sessions claimed so far must get their claim back.
            if (handOffs != null) {
                handOffs.send();
            }
        }
        int receivers = targets;
        if (remote != null) {
            forwarder.forward(message, remote, ack);
            receivers += remote.size();
        }
        return receivers;
    }

    /**
     * To the receiving session's executor; the ack counts the copy until it is stored. A session
     * whose connection is on this thread (the publisher's event loop) and that has nothing queued
     * gets the message at once, without a task: no lambda, no queue node, no drain to schedule.
     * In a fan-out ({@code handOffs} not null), a session of another loop with nothing queued gets
     * it in its loop's one hand-off for this message, its executor claimed meanwhile so that
     * nothing of the session overtakes it. A single target on another loop (fan-in across loops)
     * is always queued: there the session's drain takes the messages of many publishers in one
     * turn under one claim of its executor, which claiming it per message would break up
     * (measured with two loops: more CPU per message, as the other loop then schedules a drain
     * far more often).
     */
    private void handOver(ClientSession session, Delivery d, PendingAck ack, LoopHandOffs handOffs) {
        PendingAck copyAck = d.message().qos().value() > 0 ? ack : null;
        if (copyAck != null) {
            copyAck.expect();
        }
        SerialExecutor executor = session.executor();
        TaskExecutor owner = executor.owner();
        if (owner.inExecutorThread()) {
            if (executor.tryClaim()) {
                deliverClaimed(session, d, copyAck, executor);
            } else {
                executor.execute(() -> deliverNow(session, d, copyAck));
            }
            return;
        }
        if (handOffs != null && executor.tryClaim()) {
            handOffs.add(owner, session, d, copyAck);
            return;
        }
        executor.execute(() -> deliverNow(session, d, copyAck));
    }

    /** On the owner's thread, under a claim of the session's executor that this releases. */
    private void deliverClaimed(ClientSession session, Delivery d, PendingAck copyAck, SerialExecutor executor) {
        try {
            deliverNow(session, d, copyAck);
        } catch (RuntimeException e) {
            // As in the session's own queue: one failed delivery must not stop the publisher's pass.
            LOG.error("delivery to {} failed", session.clientId(), e);
        } finally {
            executor.releaseClaim();
        }
    }

    /** On the session's executor. */
    private void deliverNow(ClientSession session, Delivery d, PendingAck copyAck) {
        if (!session.isEnded()) {
            delivery.deliver(session, d, copyAck);
        }
        if (copyAck != null) {
            copyAck.done();
        }
    }
}
