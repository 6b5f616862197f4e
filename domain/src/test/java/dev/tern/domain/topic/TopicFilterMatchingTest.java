package dev.tern.domain.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The examples of MQTT 4.7.1 and 4.7.2, then the direct matcher against the naive reference. */
class TopicFilterMatchingTest {

    /** Examples of 4.7.1.2 (multi-level), 4.7.1.3 (single-level) and 4.7.2 (topics beginning with $). */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource({
        "sport/tennis/player1/#, sport/tennis/player1,                   true",
        "sport/tennis/player1/#, sport/tennis/player1/ranking,           true",
        "sport/tennis/player1/#, sport/tennis/player1/score/wimbledon,   true",
        "sport/tennis/player1/#, sport/tennis,                           false",
        "sport/#,                sport,                                  true",
        "#,                      sport/tennis,                           true",
        "sport/tennis/+,         sport/tennis/player1,                   true",
        "sport/tennis/+,         sport/tennis/player2,                   true",
        "sport/tennis/+,         sport/tennis/player1/ranking,           false",
        "sport/+,                sport,                                  false",
        "sport/+,                sport/,                                 true",
        "+/+,                    /finance,                               true",
        "/+,                     /finance,                               true",
        "+,                      /finance,                               false",
        "sport/+/player1,        sport/tennis/player1,                   true",
        "sport/+/player1,        sport/tennis/player2,                   false",
        "sport/tennis,           sport/tennis,                           true",
        "sport/tennis,           sport/Tennis,                           false",
        "sport/tennis,           sport/tennis/,                          false",
        "#,                      $SYS/monitor/Clients,                   false",
        "+/monitor/Clients,      $SYS/monitor/Clients,                   false",
        "$SYS/#,                 $SYS/monitor/Clients,                   true",
        "$SYS/#,                 $SYS,                                   true",
        "$SYS/monitor/+,         $SYS/monitor/Clients,                   true",
        "$share/g/sport/+,       sport/tennis,                           true",
        "$share/g/#,             $SYS/x,                                 false",
    })
    void matchesSpecExamples(String filter, String topic, boolean expected) {
        assertThat(TopicFilter.parse(filter).matches(new TopicName(topic))).isEqualTo(expected);
    }

    /** [MQTT-4.7.2-1]: a leading wildcard never matches a topic beginning with $. */
    @Test
    void doesNotMatchDollarTopicsWithLeadingWildcard() {
        TopicName sys = new TopicName("$SYS/x");

        assertThat(TopicFilter.parse("#").matches(sys)).isFalse();
        assertThat(TopicFilter.parse("+/x").matches(sys)).isFalse();
        assertThat(TopicFilter.parse("$SYS/#").matches(sys)).isTrue();
        assertThat(TopicFilter.parse("$SYS/+").matches(sys)).isTrue();
    }

    @Test
    void agreesWithNaiveMatcherOnRandomFiltersAndTopics() {
        RandomTopics random = new RandomTopics(41);
        int matches = 0;
        for (int i = 0; i < 20_000; i++) {
            TopicFilter filter = TopicFilter.parse(random.filter());
            String topic = random.topic();
            boolean expected = NaiveTopicMatcher.matches(filter.filter(), topic);

            assertThat(filter.matches(new TopicName(topic))).as("%s vs %s", filter, topic).isEqualTo(expected);
            matches += expected ? 1 : 0;
        }
        // The alphabet is small on purpose: a test that never matched would prove little.
        assertThat(matches).isGreaterThan(1_000);
    }
}
