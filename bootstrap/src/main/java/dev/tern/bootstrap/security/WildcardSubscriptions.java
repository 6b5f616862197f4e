package dev.tern.bootstrap.security;

import dev.tern.domain.topic.TopicFilter;

/**
 * How the ACL answers a subscription whose filter reaches both granted and denied topics
 * ({@code security.acl.wildcard-subscriptions}).
 *
 * <p>Threading: immutable.
 */
public enum WildcardSubscriptions {

    /**
     * Granted when a read rule covers the filter and no deny rule covers it as a whole; the denied
     * topics are then withheld message by message (the read check on every delivery, retained
     * messages included). What operators coming from Mosquitto and EMQX expect: {@code topic read #}
     * with {@code topic deny secret/#} lets a client subscribe to {@code #} and receive everything
     * except {@code secret/...}.
     */
    LENIENT,

    /**
     * Refused when a deny rule shares any topic with the filter, so that a granted filter means
     * every topic it matches can be read: with {@code topic deny secret/#}, {@code #} and
     * {@code +/+} are refused.
     */
    STRICT;

    /** Whether {@code deny}, a deny rule's filter, refuses a subscription to {@code requested}. */
    boolean refuses(TopicFilter deny, TopicFilter requested) {
        return this == STRICT ? FilterRelations.intersect(deny, requested) : FilterRelations.covers(deny, requested);
    }
}
