package dev.tern.domain.subscription;

import dev.tern.domain.topic.TopicFilter;

/** One filter of one session, with its options. */
public record Subscription(String clientId, TopicFilter filter, SubscriptionOptions options) {
    public Subscription {
        if (clientId == null || filter == null || options == null) {
            throw new IllegalArgumentException("subscription fields must not be null");
        }
    }
}
