package dev.tern.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionIndexTest {

    private static final SubscriptionOptions QOS0 = SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE);
    private static final SubscriptionOptions QOS1 = SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE);

    private final SubscriptionIndex index = new SubscriptionIndex();

    @Test
    void reportsEachMatchingSubscriptionWithItsFilterAndOptions() {
        index.subscribe("alice", filter("sport/+"), QOS0);
        index.subscribe("alice", filter("sport/#"), QOS1);
        index.subscribe("bob", filter("sport/tennis"), QOS1);
        index.subscribe("carol", filter("news/#"), QOS0);

        assertThat(matches("sport/tennis")).containsExactlyInAnyOrder(
                new Subscription("alice", filter("sport/+"), QOS0),
                new Subscription("alice", filter("sport/#"), QOS1),
                new Subscription("bob", filter("sport/tennis"), QOS1));
    }

    @Test
    void replacesOptionsOfAnExistingSubscription() {
        index.subscribe("alice", filter("a/b"), QOS0);
        index.subscribe("alice", filter("a/b"), QOS1);

        assertThat(index.size()).isEqualTo(1);
        assertThat(matches("a/b")).containsExactly(new Subscription("alice", filter("a/b"), QOS1));
    }

    @Test
    void unsubscribeReportsWhetherTheSubscriptionExisted() {
        index.subscribe("alice", filter("a/+"), QOS0);
        index.subscribe("bob", filter("a/+"), QOS0);

        assertThat(index.unsubscribe("alice", filter("a/+"))).isTrue();
        assertThat(index.unsubscribe("alice", filter("a/+"))).isFalse();
        assertThat(index.unsubscribe("bob", filter("a/b"))).isFalse();
        assertThat(index.size()).isEqualTo(1);
        assertThat(matches("a/b")).extracting(Subscription::clientId).containsExactly("bob");
    }

    @Test
    void unsubscribeAllRemovesOnlyTheGivenFiltersOfThatClient() {
        index.subscribe("alice", filter("a/#"), QOS0);
        index.subscribe("alice", filter("a/b"), QOS0);
        index.subscribe("alice", filter("c"), QOS0);
        index.subscribe("bob", filter("a/b"), QOS0);

        index.unsubscribeAll("alice", List.of(filter("a/#"), filter("a/b"), filter("never")));

        assertThat(index.size()).isEqualTo(2);
        assertThat(matches("a/b")).extracting(Subscription::clientId).containsExactly("bob");
        assertThat(matches("c")).extracting(Subscription::clientId).containsExactly("alice");
    }

    @Test
    void reportsEveryMemberOfShareGroupsWithTheFullFilter() {
        index.subscribe("alice", filter("$share/g/sport/+"), QOS0);
        index.subscribe("bob", filter("$share/g/sport/+"), QOS0);
        index.subscribe("alice", filter("sport/+"), QOS0);

        assertThat(matches("sport/tennis")).extracting(s -> s.clientId() + " " + s.filter().value())
                .containsExactlyInAnyOrder("alice $share/g/sport/+", "bob $share/g/sport/+", "alice sport/+");
    }

    /** [MQTT-4.7.2-1] */
    @Test
    void doesNotMatchDollarTopicsWithLeadingWildcards() {
        index.subscribe("all", filter("#"), QOS0);
        index.subscribe("plus", filter("+/x"), QOS0);
        index.subscribe("sys", filter("$SYS/#"), QOS0);

        assertThat(matches("$SYS/x")).extracting(Subscription::clientId).containsExactly("sys");
        assertThat(matches("a/x")).extracting(Subscription::clientId).containsExactlyInAnyOrder("all", "plus");
    }

    @Test
    void tellsWhetherAnySubscriptionCouldMatchATopicUnderAFirstLevel() {
        assertThat(index.mayMatchFirstLevel("$SYS")).isFalse();

        // Leading wildcards never match a $ topic [MQTT-4.7.2-1], so they make no $SYS reader.
        index.subscribe("all", filter("#"), QOS0);
        index.subscribe("plus", filter("+/clients/#"), QOS0);
        assertThat(index.mayMatchFirstLevel("$SYS")).isFalse();
        assertThat(index.mayMatchFirstLevel("sport")).isTrue();

        index.subscribe("sys", filter("$SYS/brokers/+/clients/+/connected"), QOS0);
        assertThat(index.mayMatchFirstLevel("$SYS")).isTrue();

        index.unsubscribe("sys", filter("$SYS/brokers/+/clients/+/connected"));
        assertThat(index.mayMatchFirstLevel("$SYS")).isFalse();
    }

    @Test
    void aShareGroupOnDollarTopicsCountsAsAPossibleMatch() {
        index.subscribe("alice", filter("$share/g/$SYS/#"), QOS0);

        assertThat(index.mayMatchFirstLevel("$SYS")).isTrue();
        assertThat(index.mayMatchFirstLevel("$share")).isFalse();
    }

    @Test
    void matchesParentLevelAndEmptyLevels() {
        index.subscribe("hash", filter("sport/#"), QOS0);
        index.subscribe("twoPlus", filter("+/+"), QOS0);
        index.subscribe("slashPlus", filter("/+"), QOS0);
        index.subscribe("onePlus", filter("+"), QOS0);

        assertThat(matches("sport")).extracting(Subscription::clientId).containsExactlyInAnyOrder("hash", "onePlus");
        assertThat(matches("/finance")).extracting(Subscription::clientId)
                .containsExactlyInAnyOrder("twoPlus", "slashPlus");
    }

    @Test
    void becomesEmptyWhenEverySubscriptionIsRemoved() {
        index.subscribe("alice", filter("a/b/c"), QOS0);
        index.unsubscribe("alice", filter("a/b/c"));

        assertThat(index.size()).isZero();
        assertThat(matches("a/b/c")).isEmpty();
    }

    private List<Subscription> matches(String topic) {
        List<Subscription> matched = new ArrayList<>();
        index.match(new TopicName(topic), (client, filter, options) -> matched.add(new Subscription(client, filter, options)));
        return matched;
    }

    private static TopicFilter filter(String text) {
        return TopicFilter.parse(text);
    }
}
