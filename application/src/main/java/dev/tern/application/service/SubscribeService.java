package dev.tern.application.service;

import dev.tern.application.event.BrokerEvents;
import dev.tern.application.limits.ResourceLimits;
import dev.tern.application.port.out.Authorizer;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.ClientIdentity;
import dev.tern.application.protocol.packet.Properties;
import dev.tern.application.protocol.packet.PropertyId;
import dev.tern.application.protocol.packet.ProtocolVersion;
import dev.tern.application.protocol.packet.ReasonCode;
import dev.tern.application.protocol.packet.Suback;
import dev.tern.application.protocol.packet.Subscribe;
import dev.tern.application.protocol.packet.TopicSubscription;
import dev.tern.application.protocol.packet.Unsuback;
import dev.tern.application.protocol.packet.Unsubscribe;
import dev.tern.application.retained.RetainedMessages;
import dev.tern.application.routing.SubscriptionIndex;
import dev.tern.application.session.ClientSession;
import dev.tern.application.session.PacketSink;
import dev.tern.application.storage.PendingAck;
import dev.tern.application.storage.StateRecorder;
import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * SUBSCRIBE and UNSUBSCRIBE for one session (3.8, 3.10): updates the session and the index,
 * acknowledges (a persistent session's SUBACK once its subscriptions are stored, when the store
 * acknowledges after commit), then sends the retained messages the new subscriptions ask for.
 * Each filter granted or removed at the client's request is reported as an event. A filter beyond the
 * topic bounds ({@code limits.topic.*}) is refused as invalid (0x8F), and a new one beyond {@code
 * limits.client.max-subscriptions} with 0x97 Quota exceeded (3.9.3); 3.1.1 has one failure code
 * for both, 0x80. The other filters of the SUBSCRIBE still apply [MQTT-3.8.4-5].
 *
 * <p>Threading: every method runs inside a task of the session's executor.
 */
public final class SubscribeService {

    private final SubscriptionIndex index;
    private final RetainedMessages retained;
    private final DeliveryService delivery;
    private final Authorizer authorizer;
    private final StateRecorder recorder;
    private final Clock clock;
    private final BrokerEvents events;
    private final ResourceLimits limits;

    public SubscribeService(SubscriptionIndex index, RetainedMessages retained, DeliveryService delivery,
            Authorizer authorizer, StateRecorder recorder, Clock clock, BrokerEvents events, ResourceLimits limits) {
        this.index = index;
        this.limits = limits;
        this.recorder = recorder;
        this.authorizer = authorizer;
        this.retained = retained;
        this.delivery = delivery;
        this.clock = clock;
        this.events = events;
    }

    /**
     * Applies a SUBSCRIBE and answers SUBACK. Returns false, having changed nothing, for a protocol
     * error the connection must disconnect for: No Local on a shared subscription [MQTT-3.8.3-4].
     */
    public boolean subscribe(ClientSession session, Subscribe request) {
        ProtocolVersion version = session.connection().version();
        int subscriptionId = (int) request.properties().integer(PropertyId.SUBSCRIPTION_IDENTIFIER, 0);
        for (TopicSubscription wanted : request.subscriptions()) {
            // Parsed here only when it can matter: a SUBSCRIBE of 100 filters parses each once.
            if (version.isV5() && wanted.noLocal()) {
                TopicFilter filter = TopicFilter.parseOrNull(wanted.filter());
                if (filter != null && filter.isShared()) {
                    return false;
                }
            }
        }
        List<Integer> codes = new ArrayList<>(request.subscriptions().size());
        List<Subscription> granted = new ArrayList<>(request.subscriptions().size());
        List<Boolean> grantedIsNew = new ArrayList<>(request.subscriptions().size());
        List<Subscription> retainedWanted = new ArrayList<>();
        PacketSink out = session.connection();
        PendingAck ack = recorder.acknowledgesAfterCommit()
                ? new PendingAck(session.executor(), stored -> answer(session, out, request, codes, retainedWanted,
                        stored))
                : null;
        for (TopicSubscription wanted : request.subscriptions()) {
            TopicFilter filter = TopicFilter.parseOrNull(wanted.filter());
            if (filter == null || !limits.topicAllowed(wanted.filter())) {
                // [MQTT-3.8.4-5]: a refused filter gets its own failure code; the others still apply.
                codes.add(version.isV5() ? ReasonCode.TOPIC_FILTER_INVALID : ReasonCode.V3_SUBACK_FAILURE);
                continue;
            }
            if (!session.state().isSubscribed(filter.value())
                    && !limits.roomForSubscription(session.state().subscriptions().size())) {
                codes.add(version.isV5() ? ReasonCode.QUOTA_EXCEEDED : ReasonCode.V3_SUBACK_FAILURE);
                continue;
            }
            if (!authorizer.canSubscribe(session.connection().identity(), filter)) {
                codes.add(version.isV5() ? ReasonCode.NOT_AUTHORIZED : ReasonCode.V3_SUBACK_FAILURE);
                continue;
            }
            SubscriptionOptions options = SubscriptionOptions.of(wanted.qos(), wanted.noLocal(),
                    wanted.retainAsPublished(), wanted.retainHandling(), subscriptionId);
            Subscription subscription = new Subscription(session.clientId(), filter, options);
            codes.add(wanted.qos().value());
            granted.add(subscription);
            grantedIsNew.add(session.state().subscribe(subscription));
        }
        // One change of the index for the packet's filters: their shared path is copied once.
        index.subscribeAll(granted);
        for (int i = 0; i < granted.size(); i++) {
            if (recordGranted(session, granted.get(i), grantedIsNew.get(i), ack)) {
                retainedWanted.add(granted.get(i));
            }
        }
        if (ack == null) {
            answer(session, out, request, codes, retainedWanted, true);
        } else {
            ack.release();
        }
        return true;
    }

    /**
     * SUBACK, then the retained messages due. With a durable store acknowledging after commit this
     * waits for the subscriptions' writes: a SUBACK must not promise a subscription the store may
     * never hold (a cluster node paused before its write, then fenced out, would lose it from a
     * session that resumes elsewhere). If a write failed, each granted filter is answered 0x80 (in
     * MQTT 5 Unspecified error, in 3.1.1 Failure) and no retained message is sent; the subscription
     * may still be in effect on this connection, but is not stored.
     */
    private void answer(ClientSession session, PacketSink out, Subscribe request, List<Integer> codes,
            List<Subscription> retainedWanted, boolean stored) {
        if (session.connection() != out) {
            return; // the connection is gone: a new one resumes from what the store holds
        }
        List<Integer> answered = stored ? codes
                : codes.stream().map(code -> code <= Qos.EXACTLY_ONCE.value() ? ReasonCode.UNSPECIFIED_ERROR : code)
                        .toList();
        out.send(new Suback(request.packetId(), answered, Properties.EMPTY));
        if (stored) {
            for (Subscription subscription : retainedWanted) {
                sendRetained(session, subscription);
            }
        }
    }

    public void unsubscribe(ClientSession session, Unsubscribe request) {
        List<Integer> codes = new ArrayList<>(request.filters().size());
        for (String text : request.filters()) {
            codes.add(revoke(session, text) ? ReasonCode.SUCCESS : ReasonCode.NO_SUBSCRIPTION_EXISTED);
        }
        session.connection().send(new Unsuback(request.packetId(), codes, Properties.EMPTY));
    }

    /**
     * Subscribes a session on an administrator's behalf, connected or not, as its own SUBSCRIBE of
     * one filter would: the authorizer decides for {@code identity}, retained messages follow per
     * the options. False, having changed nothing, when the authorizer refuses.
     */
    public boolean subscribeOnBehalf(ClientSession session, ClientIdentity identity, Subscription subscription) {
        if (!authorizer.canSubscribe(identity, subscription.filter())) {
            return false;
        }
        boolean isNew = session.state().subscribe(subscription);
        index.subscribe(session.clientId(), subscription.filter(), subscription.options());
        if (recordGranted(session, subscription, isNew, null)) {
            sendRetained(session, subscription);
        }
        return true;
    }

    /** Removes one subscription on an administrator's behalf; false when the session had none for {@code filter}. */
    public boolean unsubscribeOnBehalf(ClientSession session, String filter) {
        return revoke(session, filter);
    }

    /**
     * Records a granted subscription, already in the session and the index, in the store and as
     * an event; true when retained messages are due for it.
     */
    private boolean recordGranted(ClientSession session, Subscription subscription, boolean isNew, PendingAck ack) {
        SubscriptionOptions options = subscription.options();
        recorder.subscribed(session, subscription, ack);
        if (events.enabled()) {
            events.emit(new BrokerEvent.Subscribed(clock.instant(), session.clientId(), subscription.filter().value(),
                    options.qos().value()));
        }
        return wantsRetained(subscription.filter(), options.retainHandling(), isNew);
    }

    private boolean revoke(ClientSession session, String text) {
        Subscription removed = session.state().unsubscribe(text);
        if (removed == null) {
            return false;
        }
        index.unsubscribe(session.clientId(), removed.filter());
        recorder.unsubscribed(session, removed);
        if (events.enabled()) {
            events.emit(new BrokerEvent.Unsubscribed(clock.instant(), session.clientId(), text));
        }
        return true;
    }

    /** Removes every subscription of a session from the index, when the session ends or starts clean. */
    public void removeAll(ClientSession session) {
        if (!session.state().hasSubscriptions()) {
            return;
        }
        List<TopicFilter> filters = new ArrayList<>();
        for (Subscription s : session.state().subscriptions()) {
            filters.add(s.filter());
        }
        index.unsubscribeAll(session.clientId(), filters);
        for (TopicFilter filter : filters) {
            session.state().unsubscribe(filter.value());
        }
    }

    /** Retained messages are not sent on shared subscriptions (3.8.4, 4.8.2); otherwise per Retain Handling. */
    private static boolean wantsRetained(TopicFilter filter, RetainHandling handling, boolean isNew) {
        if (filter.isShared()) {
            return false;
        }
        return switch (handling) {
            case SEND_ON_SUBSCRIBE -> true;
            case SEND_IF_NEW_SUBSCRIPTION -> isNew;
            case DO_NOT_SEND -> false;
        };
    }

    /** Sent with RETAIN set [MQTT-3.3.1-8], at the lower of the two QoS [MQTT-3.8.4-6]. */
    private void sendRetained(ClientSession session, Subscription subscription) {
        SubscriptionOptions options = subscription.options();
        List<Integer> ids = options.hasSubscriptionId() ? List.of(options.subscriptionId()) : List.of();
        for (ApplicationMessage message : retained.matching(subscription.filter(), clock.millis())) {
            ApplicationMessage copy = message.withQos(message.qos().min(options.qos())).withRetain(true);
            delivery.deliver(session, new Delivery(copy, ids), null);
        }
    }
}
