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
    private final OutboundQueue queue;
    private final InflightWindow inflight;
    private final InboundQos2Receipts inboundQos2 = new InboundQos2Receipts();
    private SessionExpiry expiry;
    private Will will;
    private TokenBucket deliveryRate;

    public Session(String clientId, SessionExpiry expiry, int inflightCapacity, int queueLimit,
            OverflowPolicy overflowPolicy) {
        this(clientId, expiry, inflightCapacity, queueLimit, overflowPolicy, OutboundQueue.UNBOUNDED_BYTES,
                OutboundQueue.UNBOUNDED_BYTES);
    }

    /**
     * @param maxQueuedBytes   bytes queued beyond the in-flight window, besides {@code queueLimit} messages
     * @param maxInflightBytes bytes of the messages in flight, besides {@code inflightCapacity} messages
     */
    public Session(String clientId, SessionExpiry expiry, int inflightCapacity, int queueLimit,
            OverflowPolicy overflowPolicy, long maxQueuedBytes, long maxInflightBytes) {
        if (clientId == null || expiry == null) {
            throw new IllegalArgumentException("client id and expiry must not be null");
        }
        this.clientId = clientId;
        this.expiry = expiry;
        this.inflight = new InflightWindow(inflightCapacity, maxInflightBytes);
        this.queue = new OutboundQueue(queueLimit, maxQueuedBytes, overflowPolicy);
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

    public OutboundQueue queue() {
        return queue;
    }

    public InflightWindow inflight() {
        return inflight;
    }

    public InboundQos2Receipts inboundQos2() {
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
        queue.clear();
        inflight.clear();
        inboundQos2.clear();
    }

    /** Whether the session holds state that a later connection would resume. */
    public boolean hasState() {
        return !subscriptions.isEmpty() || !queue.isEmpty() || !inflight.isEmpty() || inboundQos2.size() > 0;
    }
}
