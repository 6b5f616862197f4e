package dev.tern.application.protocol.packet;

import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;

/**
 * One entry of a SUBSCRIBE payload: the filter as sent (still unparsed, so that an invalid filter
 * gets its own failure code in SUBACK) and the requested options.
 */
public record TopicSubscription(
        String filter,
        Qos qos,
        boolean noLocal,
        boolean retainAsPublished,
        RetainHandling retainHandling) {

    public TopicSubscription {
        if (filter == null || qos == null || retainHandling == null) {
            throw new IllegalArgumentException("filter, qos and retain handling must not be null");
        }
    }

    public static TopicSubscription of(String filter, Qos qos) {
        return new TopicSubscription(filter, qos, false, false, RetainHandling.SEND_ON_SUBSCRIBE);
    }
}
