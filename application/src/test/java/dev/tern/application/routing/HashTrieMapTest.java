package dev.tern.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HashTrieMapTest {

    @Test
    void agreesWithHashMapUnderRandomPutsAndRemoves() {
        Random random = new Random(3);
        Map<Key, Integer> reference = new HashMap<>();
        HashTrieMap<Key, Integer> map = HashTrieMap.empty();
        for (int i = 0; i < 50_000; i++) {
            // Few distinct hashes, so collision nodes and deep bitmap nodes are both exercised.
            Key key = new Key(random.nextInt(3_000), random.nextInt(600) * 0x01010101);
            if (random.nextInt(3) == 0) {
                reference.remove(key);
                map = map.remove(key);
            } else {
                reference.put(key, i);
                map = map.put(key, i);
            }
        }

        assertThat(map.size()).isEqualTo(reference.size());
        assertThat(contents(map)).isEqualTo(reference);
        for (Key key : reference.keySet()) {
            assertThat(map.get(key)).isEqualTo(reference.get(key));
        }
    }

    @Test
    void leavesEarlierVersionsUnchanged() {
        HashTrieMap<String, Integer> one = HashTrieMap.<String, Integer>empty().put("a", 1);
        HashTrieMap<String, Integer> two = one.put("b", 2);
        HashTrieMap<String, Integer> replaced = two.put("a", 10);
        HashTrieMap<String, Integer> removed = replaced.remove("b");

        assertThat(contents(one)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1));
        assertThat(contents(two)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
        assertThat(contents(replaced)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 10, "b", 2));
        assertThat(contents(removed)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 10));
        assertThat(removed.size()).isEqualTo(1);
    }

    @Test
    void returnsTheSameMapWhenNothingChanges() {
        Integer value = 1;
        HashTrieMap<String, Integer> map = HashTrieMap.<String, Integer>empty().put("a", value);

        assertThat(map.remove("absent")).isSameAs(map);
        assertThat(map.put("a", value)).isSameAs(map);
        assertThat(map.remove("a").isEmpty()).isTrue();
    }

    @Test
    void keepsKeysWithEqualHashesApart() {
        Key first = new Key(1, 42);
        Key second = new Key(2, 42);
        Key third = new Key(3, 42);
        HashTrieMap<Key, String> map = HashTrieMap.<Key, String>empty().put(first, "1").put(second, "2").put(third, "3");

        assertThat(map.remove(second).get(first)).isEqualTo("1");
        assertThat(map.remove(second).get(second)).isNull();
        assertThat(map.remove(first).remove(third).get(second)).isEqualTo("2");
        assertThat(map.remove(first).remove(second).remove(third).isEmpty()).isTrue();
    }

    @Test
    void aMapShrunkToOneEntryStillFindsAndReplacesIt() {
        HashTrieMap<Key, String> pair = HashTrieMap.<Key, String>empty().put(new Key(1, 7), "1").put(new Key(2, 9), "2");
        HashTrieMap<Key, String> one = pair.remove(new Key(1, 7));

        assertThat(one.size()).isEqualTo(1);
        assertThat(contents(one)).containsExactlyEntriesOf(Map.of(new Key(2, 9), "2"));
        assertThat(one.get(new Key(2, 9))).isEqualTo("2");
        assertThat(one.get(new Key(3, 9))).isNull();
        assertThat(one.put(new Key(2, 9), "two").get(new Key(2, 9))).isEqualTo("two");
        assertThat(one.put(new Key(3, 9), "3").remove(new Key(2, 9)).get(new Key(3, 9))).isEqualTo("3");
        assertThat(one.remove(new Key(2, 9)).isEmpty()).isTrue();
        assertThat(pair.size()).isEqualTo(2);
    }

    private static <K, V> Map<K, V> contents(HashTrieMap<K, V> map) {
        Map<K, V> contents = new HashMap<>();
        map.forEach((key, value) -> assertThat(contents.put(key, value)).as("visited twice: %s", key).isNull());
        return contents;
    }

    /** A key whose hash is chosen by the test. */
    private record Key(int id, int hash) {
        @Override
        public int hashCode() {
            return hash;
        }
    }
}
