package dev.tern.domain.topic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTreeTest {

    private final TopicTree<String, String> tree = new TopicTree<>();

    @Test
    void matchesEachEntryOnce() {
        tree.put(filter("sport/+"), "alice", "a1");
        tree.put(filter("sport/#"), "alice", "a2");
        tree.put(filter("sport/tennis"), "bob", "b1");
        tree.put(filter("#"), "carol", "c1");
        tree.put(filter("news/#"), "dave", "d1");

        assertThat(matches("sport/tennis")).containsExactlyInAnyOrder("a1", "a2", "b1", "c1");
    }

    @Test
    void replacesTheValueOfTheSameFilterAndKey() {
        assertThat(tree.put(filter("a/b"), "alice", "old")).isNull();
        assertThat(tree.put(filter("a/b"), "alice", "new")).isEqualTo("old");

        assertThat(tree.size()).isEqualTo(1);
        assertThat(matches("a/b")).containsExactly("new");
    }

    @Test
    void keepsSharedAndPlainSubscriptionsOfOneFilterApart() {
        tree.put(filter("a/b"), "alice", "plain");
        tree.put(filter("$share/g1/a/b"), "alice", "g1");
        tree.put(filter("$share/g2/a/b"), "alice", "g2");

        assertThat(tree.size()).isEqualTo(3);
        assertThat(matches("a/b")).containsExactlyInAnyOrder("plain", "g1", "g2");

        assertThat(tree.remove(filter("$share/g1/a/b"), "alice")).isEqualTo("g1");
        assertThat(matches("a/b")).containsExactlyInAnyOrder("plain", "g2");
    }

    @Test
    void matchesParentLevelWithMultiLevelWildcard() {
        tree.put(filter("sport/#"), "alice", "a");

        assertThat(matches("sport")).containsExactly("a");
        assertThat(matches("sports")).isEmpty();
    }

    @Test
    void matchesEmptyLevelsWithSingleLevelWildcard() {
        tree.put(filter("+/+"), "alice", "a");
        tree.put(filter("/+"), "bob", "b");
        tree.put(filter("+"), "carol", "c");

        assertThat(matches("/finance")).containsExactlyInAnyOrder("a", "b");
    }

    /** [MQTT-4.7.2-1] */
    @Test
    void doesNotMatchDollarTopicsWithLeadingWildcards() {
        tree.put(filter("#"), "alice", "all");
        tree.put(filter("+/x"), "bob", "plus");
        tree.put(filter("$SYS/#"), "carol", "sys");
        tree.put(filter("$SYS/+"), "dave", "sys-plus");

        assertThat(matches("$SYS/x")).containsExactlyInAnyOrder("sys", "sys-plus");
        assertThat(matches("a/x")).containsExactlyInAnyOrder("all", "plus");
    }

    @Test
    void removesOnlyTheGivenEntry() {
        tree.put(filter("a/+"), "alice", "a");
        tree.put(filter("a/+"), "bob", "b");

        assertThat(tree.remove(filter("a/+"), "alice")).isEqualTo("a");
        assertThat(tree.remove(filter("a/+"), "alice")).isNull();
        assertThat(tree.remove(filter("a/b"), "bob")).isNull();
        assertThat(tree.size()).isEqualTo(1);
        assertThat(matches("a/z")).containsExactly("b");
    }

    @Test
    void prunesNodesLeftEmptyByRemoval() {
        tree.put(filter("a/b/c/#"), "alice", "deep");
        tree.put(filter("a/+"), "bob", "shallow");
        int withBoth = tree.nodeCount();

        tree.remove(filter("a/b/c/#"), "alice");

        assertThat(withBoth).isEqualTo(6);
        assertThat(tree.nodeCount()).isEqualTo(3);
        tree.remove(filter("a/+"), "bob");
        assertThat(tree.nodeCount()).isEqualTo(1);
        assertThat(tree.size()).isZero();
    }

    private List<String> matches(String topic) {
        List<String> values = new ArrayList<>();
        tree.match(new TopicName(topic), (key, value) -> values.add(value));
        return values;
    }

    private static TopicFilter filter(String text) {
        return TopicFilter.parse(text);
    }
}
