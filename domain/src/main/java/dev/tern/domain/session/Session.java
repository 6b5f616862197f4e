package dev.tern.domain.session;

import dev.tern.domain.delivery.InboundQos2Receipts;
import dev.tern.domain.delivery.InflightWindow;
import dev.tern.domain.delivery.OutboundQueue;
import dev.tern.domain.delivery.OverflowPolicy;
import dev.tern.domain.delivery.TokenBucket;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.will.Will;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state the broker keeps for one client id (4.1): its subscriptions, the messages queued for
 * it and in flight to it, the QoS 2 packets it sent whose PUBREL is outstanding, and its will.
 *
 * <p>Threading: not thread-safe. All of it is touched by one thread at a time, the executor that
 * owns the session, so it needs no locks.
 */
public final class Session {

    private final String clientId;
    /** The shared empty map until the first SUBSCRIBE: a publish-only or idle client holds no map. */
    private Map<String, Subscription> subscriptions = Map.of();
    /** Shared by the broker's sessions; the parts below are built from it at their first use. */
    private final SessionLimits limits;
    /** The window's bound for the current connection: the limits', or the client's Receive Maximum. */
    private int inflightCapacity;
    /*
     * Null until first used: an idle client, or one that only publishes at QoS 0 and 1, never
     * needs a queue, a window or QoS 2 receipts, and with thousands of idle connections their
     * 120 bytes or so each are a twentieth of the heap an idle connection holds.
     */
    private OutboundQueue queue;
    private InflightWindow inflight;
    private InboundQos2Receipts inboundQos2;
    private SessionExpiry expiry;
    private Will will;
    private TokenBucket deliveryRate;

    /** A session bounded in messages only (no byte bounds). */
    public Session(String clientId, SessionExpiry expiry, int inflightCapacity, int queueLimit,
            OverflowPolicy overflowPolicy) {
        this(clientId, expiry, new SessionLimits(inflightCapacity, queueLimit, overflowPolicy));
    }

    public Session(String clientId, SessionExpiry expiry, SessionLimits limits) {
        if (clientId == null || expiry == null || limits == null) {
            throw new IllegalArgumentException("client id, expiry and limits must not be null");
        }
        this.clientId = clientId;
        this.expiry = expiry;
        this.limits = limits;
        this.inflightCapacity = limits.inflightCapacity();
    }

    public String clientId() {
        return clientId;
    }

    public SessionExpiry expiry() {
        return expiry;
    }

    public void setExpiry(SessionExpiry expiry) {
        this.expiry = expiry;
    }

    /** Adds or replaces the subscription for its filter; true when the filter is new to the session. */
    public boolean subscribe(Subscription subscription) {
        if (!(subscriptions instanceof LinkedHashMap)) {
            subscriptions = new LinkedHashMap<>();
        }
        return subscriptions.put(subscription.filter().value(), subscription) == null;
    }

    /** Removes the subscription for a filter, returning it, or null when there was none. */
    public Subscription unsubscribe(String filter) {
        return subscriptions.isEmpty() ? null : subscriptions.remove(filter);
    }

    /** Whether the session holds a subscription for exactly this filter. */
    public boolean isSubscribed(String filter) {
        return subscriptions.containsKey(filter);
    }

    public boolean hasSubscriptions() {
        return !subscriptions.isEmpty();
    }

    public Collection<Subscription> subscriptions() {
        return Collections.unmodifiableCollection(subscriptions.values());
    }

    /** The queue, made at the first call: to only look, {@link #hasQueued()} and {@link #queuedCount()}. */
    public OutboundQueue queue() {
        if (queue == null) {
            queue = new OutboundQueue(limits.queueLimit(), limits.maxQueuedBytes(), limits.overflowPolicy());
        }
        return queue;
    }

    public boolean hasQueued() {
        return queue != null && !queue.isEmpty();
    }

    public int queuedCount() {
        return queue == null ? 0 : queue.size();
    }

    /**
     * The in-flight window, made at the first call: to only look, {@link #hasInflight()} and
     * {@link #inflightCount()}.
     */
    public InflightWindow inflight() {
        if (inflight == null) {
            inflight = new InflightWindow(inflightCapacity, limits.maxInflightBytes());
        }
        return inflight;
    }

    public boolean hasInflight() {
        return inflight != null && !inflight.isEmpty();
    }

    public int inflightCount() {
        return inflight == null ? 0 : inflight.size();
    }

    /** Bounds the window for the current connection, for example to the client's Receive Maximum. */
    public void setInflightCapacity(int capacity) {
        inflightCapacity = InflightWindow.requireCapacity(capacity);
        if (inflight != null) {
            inflight.setCapacity(capacity);
        }
    }

    /** The QoS 2 packet ids received and not yet released, made at the first call. */
    public InboundQos2Receipts inboundQos2() {
        if (inboundQos2 == null) {
            inboundQos2 = new InboundQos2Receipts();
        }
        return inboundQos2;
    }

    /** The bucket that bounds the rate of messages sent to this session's client, or null for no bound. */
    public TokenBucket deliveryRate() {
        return deliveryRate;
    }

    public void limitDeliveryRate(TokenBucket bucket) {
        this.deliveryRate = bucket;
    }

    /** The will of the current connection, or null. */
    public Will will() {
        return will;
    }

    public void setWill(Will will) {
        this.will = will;
    }

    /** Takes the will away (it fires or is discarded at most once), returning it or null. */
    public Will takeWill() {
        Will taken = will;
        will = null;
        return taken;
    }

    /**
     * Forgets every queued and in-flight message and every QoS 2 receipt, as a clean start does
     * [MQTT-3.1.2-6]. Subscriptions are removed one by one by the caller, which also updates the index.
     */
    public void clearMessages() {
        if (queue != null) {
            queue.clear();
        }
        if (inflight != null) {
            inflight.clear();
        }
        if (inboundQos2 != null) {
            inboundQos2.clear();
        }
    }

    /** Whether the session holds state that a later connection would resume. */
    public boolean hasState() {
        return !subscriptions.isEmpty() || hasQueued() || hasInflight()
                || inboundQos2 != null && inboundQos2.size() > 0;
    }
}
