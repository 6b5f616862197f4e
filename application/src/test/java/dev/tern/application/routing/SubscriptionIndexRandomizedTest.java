package dev.tern.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.NaiveTopicMatcher;
import dev.tern.domain.topic.RandomTopics;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The index against {@link NaiveTopicMatcher} on 2,000 random filters and 2,000 random topics. */
class SubscriptionIndexRandomizedTest {

    private final SubscriptionIndex index = new SubscriptionIndex();
    private final Map<SubscriberKey, SubscriptionOptions> reference = new HashMap<>();

    @Test
    void agreesWithNaiveMatcherAfterSubscribesAndUnsubscribes() {
        RandomTopics random = new RandomTopics(11);
        for (int i = 0; i < 2_000; i++) {
            SubscriberKey key = new SubscriberKey("client" + random.nextInt(20), TopicFilter.parse(random.filter()));
            // The subscription identifier makes each version distinguishable, so replacement shows.
            SubscriptionOptions options = new SubscriptionOptions(Qos.of(random.nextInt(3)), false, false,
                    RetainHandling.SEND_ON_SUBSCRIBE, i + 1);
            index.subscribe(key.clientId(), key.filter(), options);
            reference.put(key, options);
        }
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            topics.add(random.topic());
        }
        assertAgreement(topics);

        List<SubscriberKey> keys = new ArrayList<>(reference.keySet());
        for (int i = 0; i < keys.size(); i += 2) {
            SubscriberKey key = keys.get(i);
            assertThat(index.unsubscribe(key.clientId(), key.filter())).isTrue();
            assertThat(index.unsubscribe(key.clientId(), key.filter())).isFalse();
            reference.remove(key);
        }
        assertAgreement(topics);

        keys = new ArrayList<>(reference.keySet());
        for (SubscriberKey key : keys) {
            if (key.clientId().equals("client3")) {
                reference.remove(key);
            }
        }
        index.unsubscribeAll("client3", keys.stream().map(SubscriberKey::filter).toList());
        assertAgreement(topics);
    }

    private void assertAgreement(List<String> topics) {
        assertThat(index.size()).isEqualTo(reference.size());
        int matched = 0;
        for (String topic : topics) {
            List<Subscription> expected = new ArrayList<>();
            reference.forEach((key, options) -> {
                if (NaiveTopicMatcher.matches(key.filter().filter(), topic)) {
                    expected.add(new Subscription(key.clientId(), key.filter(), options));
                }
            });
            List<Subscription> actual = new ArrayList<>();
            index.match(new TopicName(topic),
                    (client, filter, options) -> actual.add(new Subscription(client, filter, options)));

            // Entries are unique in the reference, so a duplicate visit would fail here too.
            assertThat(actual).as(topic).containsExactlyInAnyOrderElementsOf(expected);
            matched += expected.size();
        }
        assertThat(matched).as("a test that never matched would prove little").isGreaterThan(topics.size());
    }
}
