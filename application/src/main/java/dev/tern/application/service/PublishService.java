package dev.tern.application.service;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.SessionRegistry;
import dev.tern.application.storage.PendingAck;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Routes an application message: keeps it when retained, finds the matching subscriptions and
 * hands one delivery per session to that session's executor (4.5, 4.7). Every message routed
 * here, a client's PUBLISH or a will, is reported as {@link BrokerEvent.MessagePublished}; the
 * broker's own messages ({@code $SYS}, with an empty publisher) are not.
 *
 * <p>Threading: thread-safe; called on the publisher's event loop and touches no other session's
 * state there: each delivery hops to the receiving session's executor.
 */
public final class PublishService {

    private final SubscriptionIndex subscriptions;
    private final RetainedMessages retained;
    private final SessionRegistry sessions;
    private final DeliveryService delivery;
    private final SharedSubscriptionPicker sharedPicker;
    private final BrokerEvents events;
    private final Clock clock;

    public PublishService(SubscriptionIndex subscriptions, RetainedMessages retained, SessionRegistry sessions,
            DeliveryService delivery, SharedSubscriptionPicker sharedPicker, BrokerEvents events, Clock clock) {
        this.subscriptions = subscriptions;
        this.retained = retained;
        this.sessions = sessions;
        this.delivery = delivery;
        this.sharedPicker = sharedPicker;
        this.events = events;
        this.clock = clock;
    }

    /**
     * What {@link #publish} returns for a retained message the retained store refused at its limit
     * ({@code limits.retained.when-full: refuse}): the message was neither kept nor routed.
     */
    public static final int REFUSED = -1;

    /** Returns the number of sessions the message was handed to, or {@link #REFUSED}. */
    public int publish(ApplicationMessage message) {
        return publish(message, null);
    }

    /**
     * Routes a message; {@code ack}, when not null, is counted up for every copy that must be
     * stored (the retained message, QoS 1/2 copies for persistent sessions) and down as each is
     * durable. The caller releases its own count afterwards. Returns the number of sessions the
     * message was handed to, or {@link #REFUSED}: a retained message the full retained store refuses
     * is not routed either, so that a publisher told "refused" knows nobody got it.
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
        Matches matches = new Matches(message.publisherId(), null);
        subscriptions.match(message.topic(), matches);
        matches.pickSharedMembers(sharedPicker, sessions);
        matches.targets.forEach(target -> {
            ClientSession session = sessions.get(target.clientId);
            if (session != null) {
                handOver(session, target.toDelivery(message), ack);
            }
        });
        int receivers = matches.targets.size();
        // The broker's own $SYS figures (no publisher) are not lost client messages: not counted.
        if (receivers == 0 && !message.retain() && !message.publisherId().isEmpty()) {
            delivery.noSubscriber();
        }
        return receivers;
    }

    /**
     * Hands a message to one member of a shared subscription group, as when the member that held it
     * ended its session (4.8.2). The message keeps its original QoS cap of the group's subscriptions.
     */
    public void publishToShareGroup(TopicFilter sharedFilter, ApplicationMessage message) {
        Matches matches = new Matches(message.publisherId(), sharedFilter);
        subscriptions.match(message.topic(), matches);
        matches.pickSharedMembers(sharedPicker, sessions);
        matches.targets.forEach(target -> {
            ClientSession session = sessions.get(target.clientId);
            if (session != null) {
                handOver(session, target.toDelivery(message), null);
            }
        });
    }

    /** One hop to the receiving session's executor; the ack counts the copy until it is stored. */
    private void handOver(ClientSession session, Delivery d, PendingAck ack) {
        PendingAck copyAck = d.message().qos().value() > 0 ? ack : null;
        if (copyAck != null) {
            copyAck.expect();
        }
        session.executor().execute(() -> {
            if (!session.isEnded()) {
                delivery.deliver(session, d, copyAck);
            }
            if (copyAck != null) {
                copyAck.done();
            }
        });
    }

    /**
     * Collects one target per session: overlapping subscriptions of one client give one copy at
     * the highest granted QoS, carrying every matching subscription identifier (3.3.5, 4.7).
     */
    private static final class Matches implements SubscriptionIndex.MatchVisitor {
        private final String publisherId;
        private final TopicFilter onlyGroup;
        private final Targets targets = new Targets();
        private Map<String, List<Target>> sharedGroups;

        /** {@code onlyGroup}: match only this shared subscription, or everything when null. */
        Matches(String publisherId, TopicFilter onlyGroup) {
            this.publisherId = publisherId;
            this.onlyGroup = onlyGroup;
        }

        @Override
        public void visit(String clientId, TopicFilter filter, SubscriptionOptions options) {
            if (onlyGroup != null && !onlyGroup.equals(filter)) {
                return;
            }
            if (filter.isShared()) {
                if (sharedGroups == null) {
                    sharedGroups = new HashMap<>();
                }
                Target member = new Target(clientId);
                member.add(options);
                sharedGroups.computeIfAbsent(filter.shareGroup() + '/' + filter.filter(), k -> new ArrayList<>())
                        .add(member);
                return;
            }
            if (options.noLocal() && clientId.equals(publisherId)) {
                return;
            }
            targets.getOrAdd(clientId).add(options);
        }

        void pickSharedMembers(SharedSubscriptionPicker picker, SessionRegistry sessions) {
            if (sharedGroups == null) {
                return;
            }
            for (Map.Entry<String, List<Target>> group : sharedGroups.entrySet()) {
                Target chosen = picker.pick(group.getKey(), group.getValue(), t -> t.clientId, t -> {
                    ClientSession s = sessions.get(t.clientId);
                    return s != null && s.isOnline();
                });
                Target existing = targets.get(chosen.clientId);
                if (existing == null) {
                    targets.put(chosen);
                } else {
                    existing.merge(chosen);
                }
            }
        }
    }

    /** What one session receives: the highest granted QoS and the subscription ids that matched. */
    static final class Target {
        final String clientId;
        private Qos qos = Qos.AT_MOST_ONCE;
        private boolean retainAsPublished;
        private List<Integer> subscriptionIds = List.of();

        Target(String clientId) {
            this.clientId = clientId;
        }

        void add(SubscriptionOptions options) {
            qos = qos.max(options.qos());
            retainAsPublished |= options.retainAsPublished();
            if (options.hasSubscriptionId()) {
                if (subscriptionIds.isEmpty()) {
                    subscriptionIds = new ArrayList<>(2);
                }
                subscriptionIds.add(options.subscriptionId());
            }
        }

        void merge(Target other) {
            qos = qos.max(other.qos);
            retainAsPublished |= other.retainAsPublished;
            if (!other.subscriptionIds.isEmpty()) {
                List<Integer> ids = new ArrayList<>(subscriptionIds);
                ids.addAll(other.subscriptionIds);
                subscriptionIds = ids;
            }
        }

        /**
         * The copy for this session: QoS no higher than granted [MQTT-3.8.4-6]; RETAIN cleared
         * for an established subscription [MQTT-3.3.1-9] unless Retain As Published asks to keep it.
         */
        Delivery toDelivery(ApplicationMessage message) {
            ApplicationMessage copy = message.withQos(message.qos().min(qos))
                    .withRetain(message.retain() && retainAsPublished);
            return new Delivery(copy, subscriptionIds);
        }
    }
}
