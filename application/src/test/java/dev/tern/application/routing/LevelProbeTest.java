package dev.tern.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LevelProbeTest {

    @Test
    void hashesAndEqualsLikeTheTextOfTheLevelItPointsAt() {
        String topic = "plant/température/😀/x";
        LevelProbe probe = new LevelProbe();
        int from = 0;
        for (String level : List.of("plant", "température", "😀", "x")) {
            int end = from + level.length();

            probe.at(topic, from, end);

            assertThat(probe.hashCode()).isEqualTo(level.hashCode());
            assertThat(probe.equals(level)).isTrue();
            assertThat(probe).hasToString(level);
            from = end + 1;
        }
    }

    @Test
    void doesNotEqualOtherTextsOrAPrefix() {
        LevelProbe probe = new LevelProbe().at("a/sensor/b", 2, 8);

        assertThat(probe.equals("sensors")).isFalse();
        assertThat(probe.equals("senso")).isFalse();
        assertThat(probe.equals("Sensor")).isFalse();
        assertThat(probe.equals(new StringBuilder("sensor"))).isFalse();
    }

    @Test
    void anEmptyLevelEqualsTheEmptyString() {
        LevelProbe probe = new LevelProbe().at("a//b", 2, 2);

        assertThat(probe.equals("")).isTrue();
        assertThat(probe.hashCode()).isEqualTo("".hashCode());
    }

    @Test
    void findsTheChildStoredUnderTheLevelsTextInAHashTrieMapOfAnySize() {
        HashTrieMap<String, Integer> one = HashTrieMap.<String, Integer>empty().put("temp", 1);
        HashTrieMap<String, Integer> many = one;
        for (int i = 0; i < 100; i++) {
            many = many.put("level" + i, i);
        }

        assertThat(one.get(new LevelProbe().at("a/temp", 2, 6))).isEqualTo(1);
        assertThat(many.get(new LevelProbe().at("a/temp", 2, 6))).isEqualTo(1);
        assertThat(many.get(new LevelProbe().at("level42/x", 0, 7))).isEqualTo(42);
        assertThat(many.get(new LevelProbe().at("level420", 0, 8))).isNull();
    }
}
