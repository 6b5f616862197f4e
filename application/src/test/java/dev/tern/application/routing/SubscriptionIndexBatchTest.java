package dev.tern.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.RandomTopics;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SubscriptionIndex#subscribeAll}, the filters of one SUBSCRIBE in one change. */
class SubscriptionIndexBatchTest {

    private static final SubscriptionOptions QOS0 = SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE);
    private static final SubscriptionOptions QOS1 = SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE);

    private final HeardChanges changes = new HeardChanges();
    private final List<String> heard = changes.heard;
    private final SubscriptionIndex index = new SubscriptionIndex(changes);

    private static Subscription subscription(String clientId, String filter, SubscriptionOptions options) {
        return new Subscription(clientId, TopicFilter.parse(filter), options);
    }

    private static List<Subscription> matches(SubscriptionIndex index, String topic) {
        List<Subscription> found = new ArrayList<>();
        index.match(new TopicName(topic), (client, filter, options) -> found.add(new Subscription(client, filter, options)));
        return found;
    }

    @Test
    void buildsTheSameTableAsSubscribingOneFilterAfterTheOther() {
        RandomTopics random = new RandomTopics(7);
        SubscriptionIndex oneByOne = new SubscriptionIndex();
        for (int packet = 0; packet < 300; packet++) {
            String clientId = "client" + random.nextInt(20);
            List<Subscription> filters = new ArrayList<>();
            for (int f = random.nextInt(12); f >= 0; f--) {
                // Distinct options per subscription, so that which one won shows in the matches.
                SubscriptionOptions options = new SubscriptionOptions(Qos.of(random.nextInt(3)), false, false,
                        RetainHandling.SEND_ON_SUBSCRIBE, packet * 100 + f + 1);
                filters.add(new Subscription(clientId, TopicFilter.parse(random.filter()), options));
            }
            index.subscribeAll(filters);
            filters.forEach(s -> oneByOne.subscribe(s.clientId(), s.filter(), s.options()));
        }

        assertThat(index.size()).isEqualTo(oneByOne.size()).isGreaterThan(1_000);
        int matched = 0;
        for (int t = 0; t < 2_000; t++) {
            String topic = random.topic();
            List<Subscription> expected = matches(oneByOne, topic);
            assertThat(matches(index, topic)).as(topic).containsExactlyInAnyOrderElementsOf(expected);
            matched += expected.size();
        }
        assertThat(matched).as("a test that never matched would prove little").isGreaterThan(2_000);
    }

    @Test
    void aLaterFilterOfTheBatchReplacesTheOptionsOfAnEarlierOneAsInSeparatePackets() {
        index.subscribe("c", TopicFilter.parse("a/b"), QOS0);

        index.subscribeAll(List.of(subscription("c", "a/b", QOS1), subscription("c", "a/+", QOS0),
                subscription("c", "a/+", QOS1), subscription("c", "#", QOS0)));

        assertThat(index.size()).isEqualTo(3);
        assertThat(matches(index, "a/b")).containsExactlyInAnyOrder(subscription("c", "a/b", QOS1),
                subscription("c", "a/+", QOS1), subscription("c", "#", QOS0));
    }

    @Test
    void theListenerHearsEachNewSubscriptionOnceAndNoneThatOnlyChangedItsOptions() {
        index.subscribe("c", TopicFilter.parse("x/y"), QOS0);
        heard.clear();

        index.subscribeAll(List.of(subscription("c", "x/y", QOS1), subscription("c", "x/#", QOS0),
                subscription("c", "x/#", QOS1), subscription("c", "$share/g/x/+", QOS0)));

        assertThat(heard).containsExactly("+x/#", "+$share/g/x/+");
    }

    @Test
    void anEmptyBatchChangesNothing() {
        index.subscribe("c", TopicFilter.parse("x"), QOS0);
        heard.clear();

        index.subscribeAll(List.of());

        assertThat(index.size()).isEqualTo(1);
        assertThat(heard).isEmpty();
    }
}
