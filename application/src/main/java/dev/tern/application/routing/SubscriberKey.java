package dev.tern.application.routing;

import dev.tern.domain.topic.TopicFilter;

/** The identity of one subscription in the index: the client and the filter as it sent it. */
record SubscriberKey(String clientId, TopicFilter filter) {
}
