package dev.tern.domain.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trie against {@link NaiveTopicMatcher} on 2,000 random filters and 2,000 random topics. */
class TopicTreeRandomizedTest {

    private static final int FILTERS = 2_000;
    private static final int TOPICS = 2_000;

    private final TopicTree<String, String> tree = new TopicTree<>();
    private final Map<Key, String> reference = new HashMap<>();

    @Test
    void agreesWithNaiveMatcherAfterInsertsAndRemovals() {
        RandomTopics random = new RandomTopics(7);
        for (int i = 0; i < FILTERS; i++) {
            Key key = new Key(TopicFilter.parse(random.filter()), "client" + random.nextInt(20));
            String value = key + "#" + i;
            assertThat(tree.put(key.filter(), key.client(), value)).isEqualTo(reference.put(key, value));
        }
        List<String> topics = new ArrayList<>();
        for (int i = 0; i < TOPICS; i++) {
            topics.add(random.topic());
        }
        assertAgreement(topics);

        List<Key> keys = new ArrayList<>(reference.keySet());
        for (int i = 0; i < keys.size(); i += 2) {
            Key key = keys.get(i);
            assertThat(tree.remove(key.filter(), key.client())).isEqualTo(reference.remove(key));
        }
        Key absent = new Key(TopicFilter.parse("never/subscribed"), "nobody");
        assertThat(tree.remove(absent.filter(), absent.client())).isNull();
        assertAgreement(topics);
    }

    private void assertAgreement(List<String> topics) {
        assertThat(tree.size()).isEqualTo(reference.size());
        int matched = 0;
        for (String topic : topics) {
            List<String> expected = new ArrayList<>();
            reference.forEach((key, value) -> {
                if (NaiveTopicMatcher.matches(key.filter().filter(), topic)) {
                    expected.add(value);
                }
            });
            List<String> actual = new ArrayList<>();
            tree.match(new TopicName(topic), (client, value) -> actual.add(value));

            // Values are unique per entry, so a duplicate in "actual" would fail here too.
            assertThat(actual).as(topic).containsExactlyInAnyOrderElementsOf(expected);
            matched += expected.size();
        }
        assertThat(matched).as("a test that never matched would prove little").isGreaterThan(topics.size());
    }

    private record Key(TopicFilter filter, String client) {
    }
}
