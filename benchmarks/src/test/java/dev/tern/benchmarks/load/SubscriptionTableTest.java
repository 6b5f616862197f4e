package dev.tern.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sub-table scenario counts a delivery as owed only if its topic matches exactly one
 * subscription; checked here with the broker's own matcher over a small table.
 */
class SubscriptionTableTest {

    private final SubscriptionTable table = new SubscriptionTable("st-x", 12, 9);
    private final List<TopicFilter> all = allFilters();

    @Test
    void mixesExactSingleLevelAndMultiLevelFilters() {
        assertThat(table.filters(4)).hasSize(9)
                .contains("st-x/4/0/e", "st-x/+/4/p1", "st-x/4/2/h/#");
        assertThat(table.subscriptions()).isEqualTo(108);
    }

    @Test
    void everyMatchingTopicMatchesExactlyOneSubscriptionOfItsClient() {
        for (int client = 0; client < table.clients(); client++) {
            for (int j = 0; j < table.perClient(); j++) {
                String topic = table.matching(client, j, 17 * j + client);
                assertThat(matches(topic)).as(topic).isEqualTo(1);
                assertThat(table.filters(client).stream().filter(f -> TopicFilter.parse(f).matches(name(topic))))
                        .as(topic).hasSize(1);
            }
        }
    }

    @Test
    void nonMatchingTopicsMatchNothing() {
        for (int salt = 0; salt < 3; salt++) {
            for (int client = 0; client < table.clients(); client++) {
                for (int j = 0; j < table.perClient(); j++) {
                    String topic = table.nonMatching(client, j, salt);
                    assertThat(matches(topic)).as(topic).isZero();
                }
            }
        }
    }

    @Test
    void sampleFlagsAgreeWithTheMatcher() {
        SubscriptionTable.Sample sample = table.sample(7, 500, 50);

        long matching = sample.matchingAmong(500);
        for (int i = 0; i < 500; i++) {
            assertThat(matches(sample.topics()[i])).as(sample.topics()[i]).isEqualTo(sample.matches(i) ? 1 : 0);
        }
        assertThat(matching).isBetween(150L, 350L);
        assertThat(sample.matchingAmong(1_000)).isEqualTo(2 * matching);
    }

    @Test
    void prefixMustBeOnePlainLevel() {
        assertThatThrownBy(() -> new SubscriptionTable("a/b", 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubscriptionTable("#", 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private long matches(String topic) {
        TopicName name = name(topic);
        return all.stream().filter(filter -> filter.matches(name)).count();
    }

    private List<TopicFilter> allFilters() {
        return java.util.stream.IntStream.range(0, table.clients())
                .boxed()
                .flatMap(client -> table.filters(client).stream())
                .map(TopicFilter::parse)
                .toList();
    }

    private static TopicName name(String topic) {
        TopicName name = TopicName.parseOrNull(topic);
        assertThat(name).as(topic).isNotNull();
        return name;
    }
}
