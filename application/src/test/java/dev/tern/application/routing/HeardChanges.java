package dev.tern.application.routing;

import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SubscriptionIndex.Listener} that writes down what it hears: {@code +filter} for a
 * subscription that entered, {@code -filter} for one that left.
 *
 * <p>Threading: for single-threaded tests.
 */
final class HeardChanges implements SubscriptionIndex.Listener {

    final List<String> heard = new ArrayList<>();

    @Override
    public void subscribed(TopicFilter filter) {
        heard.add("+" + filter.value());
    }

    @Override
    public void unsubscribed(TopicFilter filter) {
        heard.add("-" + filter.value());
    }
}
