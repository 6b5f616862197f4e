package dev.tern.domain.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TopicFilterTest {

    /** Valid filters from MQTT 4.7.1 and 4.8.2, plus empty levels. */
    @ParameterizedTest
    @ValueSource(strings = {
        "#", "+", "sport/tennis/#", "sport/#", "+/tennis/#", "sport/+/player1", "/", "//", "/+", "+/+",
        "+/#", "sport/", "$SYS/#", "$share", "$share/g/#", "$share/g//", "$share/group/sport/+/x", "a b/ü",
    })
    void acceptsValidFilters(String text) {
        assertThat(TopicFilter.parse(text).value()).isEqualTo(text);
        assertThat(TopicFilter.parseOrNull(text)).isEqualTo(TopicFilter.parse(text));
    }

    /** Invalid filters, each with the statement whose violation the message must name. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''                        | MQTT-4.7.3-1",
        "sport/tennis#             | MQTT-4.7.1-2",
        "sport/tennis/#/ranking    | MQTT-4.7.1-2",
        "#/                        | MQTT-4.7.1-2",
        "##                        | MQTT-4.7.1-2",
        "sport+                    | MQTT-4.7.1-3",
        "sport/+tennis             | MQTT-4.7.1-3",
        "++                        | MQTT-4.7.1-3",
        "$share/                   | MQTT-4.8.2-1",
        "$share//sport             | MQTT-4.8.2-1",
        "$share/g+/sport           | MQTT-4.8.2-2",
        "$share/g#/sport           | MQTT-4.8.2-2",
        "$share/g                  | MQTT-4.8.2-2",
        "$share/g/                 | MQTT-4.8.2-2",
        "$share/g/sport#           | MQTT-4.7.1-2",
    })
    void rejectsInvalidFiltersNamingTheRule(String text, String statement) {
        assertThatThrownBy(() -> TopicFilter.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(statement);
        assertThat(TopicFilter.parseOrNull(text)).isNull();
    }

    @Test
    void rejectsNullCharacter() {
        assertThatThrownBy(() -> TopicFilter.parse("a\u0000b")).hasMessageContaining("MQTT-4.7.3-2");
        assertThat(TopicFilter.parseOrNull("$share/g\u0000/a")).isNull();
    }

    @Test
    void returnsNullInsteadOfThrowingForNullText() {
        assertThat(TopicFilter.parseOrNull(null)).isNull();
        assertThatThrownBy(() -> TopicFilter.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsSharedSubscriptionIntoGroupAndFilter() {
        TopicFilter shared = TopicFilter.parse("$share/consumers/sport/+/score");

        assertThat(shared.isShared()).isTrue();
        assertThat(shared.shareGroup()).isEqualTo("consumers");
        assertThat(shared.filter()).isEqualTo("sport/+/score");
        assertThat(shared.value()).isEqualTo("$share/consumers/sport/+/score");
        assertThat(shared.levels()).containsExactly("sport", "+", "score");
    }

    @Test
    void treatsOtherFiltersAsNotShared() {
        TopicFilter plain = TopicFilter.parse("$shared/g/a");

        assertThat(plain.isShared()).isFalse();
        assertThat(plain.shareGroup()).isNull();
        assertThat(plain.filter()).isEqualTo("$shared/g/a");
    }

    @Test
    void distinguishesSharedFromPlainSubscriptionsOfTheSameFilter() {
        assertThat(TopicFilter.parse("$share/g/a")).isNotEqualTo(TopicFilter.parse("a"));
        assertThat(TopicFilter.parse("$share/g/a")).isNotEqualTo(TopicFilter.parse("$share/h/a"));
        assertThat(TopicFilter.parse("$share/g/a")).isEqualTo(TopicFilter.parse("$share/g/a"));
    }

    @Test
    void rejectsComponentsThatDisagreeWithTheValue() {
        assertThatThrownBy(() -> new TopicFilter("a", "g", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicFilter("$share/g/a", null, "$share/g/a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TopicFilter("$share/g/a", "g", "b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new TopicFilter("$share/g/a", "g", "a")).isEqualTo(TopicFilter.parse("$share/g/a"));
    }

    @Test
    void reportsWildcardsOfTheMatchedPartOnly() {
        assertThat(TopicFilter.parse("a/b").hasWildcards()).isFalse();
        assertThat(TopicFilter.parse("a/+").hasWildcards()).isTrue();
        assertThat(TopicFilter.parse("#").hasWildcards()).isTrue();
        assertThat(TopicFilter.parse("$share/g/a").hasWildcards()).isFalse();
    }

    @Test
    void keepsEmptyLevels() {
        assertThat(TopicFilter.parse("/a//+/").levels()).containsExactly("", "a", "", "+", "");
    }
}
