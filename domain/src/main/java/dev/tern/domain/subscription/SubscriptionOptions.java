package dev.tern.domain.subscription;

import dev.tern.domain.message.Qos;

/**
 * What a client asked for when it subscribed to one filter.
 *
 * @param qos                the granted maximum QoS
 * @param noLocal            do not deliver the client's own messages (MQTT 5)
 * @param retainAsPublished  keep the RETAIN flag as published when forwarding (MQTT 5)
 * @param retainHandling     when retained messages are sent on subscribe (MQTT 5)
 * @param subscriptionId     the Subscription Identifier, or 0 when none (MQTT 5)
 */
public record SubscriptionOptions(
        Qos qos,
        boolean noLocal,
        boolean retainAsPublished,
        RetainHandling retainHandling,
        int subscriptionId) {

    public SubscriptionOptions {
        if (qos == null || retainHandling == null) {
            throw new IllegalArgumentException("qos and retain handling must not be null");
        }
        if (subscriptionId < 0 || subscriptionId > 268_435_455) {
            throw new IllegalArgumentException("subscription identifier out of range: " + subscriptionId);
        }
    }

    /**
     * Every combination without a subscription identifier, made once: a table of a million
     * subscriptions holds a few distinct options, so each shares one instead of holding 32 bytes.
     */
    private static final SubscriptionOptions[] SHARED = shared();

    /** The options of an MQTT 3.1.1 subscription: only the QoS varies. */
    public static SubscriptionOptions ofQos(Qos qos) {
        return of(qos, false, false, RetainHandling.SEND_ON_SUBSCRIBE, 0);
    }

    /** Equal to {@code new SubscriptionOptions(...)}, and one shared instance when there is no subscription identifier. */
    public static SubscriptionOptions of(Qos qos, boolean noLocal, boolean retainAsPublished,
            RetainHandling retainHandling, int subscriptionId) {
        if (subscriptionId != 0 || qos == null || retainHandling == null) {
            return new SubscriptionOptions(qos, noLocal, retainAsPublished, retainHandling, subscriptionId);
        }
        return SHARED[index(qos, noLocal, retainAsPublished, retainHandling)];
    }

    private static int index(Qos qos, boolean noLocal, boolean retainAsPublished, RetainHandling retainHandling) {
        return ((qos.ordinal() * RetainHandling.values().length + retainHandling.ordinal()) * 2 + (noLocal ? 1 : 0)) * 2
                + (retainAsPublished ? 1 : 0);
    }

    private static SubscriptionOptions[] shared() {
        SubscriptionOptions[] all = new SubscriptionOptions[Qos.values().length * RetainHandling.values().length * 4];
        for (Qos qos : Qos.values()) {
            for (RetainHandling handling : RetainHandling.values()) {
                for (int flags = 0; flags < 4; flags++) {
                    boolean noLocal = (flags & 2) != 0;
                    boolean retainAsPublished = (flags & 1) != 0;
                    all[index(qos, noLocal, retainAsPublished, handling)] =
                            new SubscriptionOptions(qos, noLocal, retainAsPublished, handling, 0);
                }
            }
        }
        return all;
    }

    public boolean hasSubscriptionId() {
        return subscriptionId != 0;
    }
}
