package dev.tern.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.topic.TopicFilter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilterRelationsTest {

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "#, a/b, true",
            "#, $SYS/x, false",
            "a/#, a, true",
            "a/#, a/+/c, true",
            "a/+, a/b, true",
            "a/+, a/+, true",
            "a/+, a/#, false",
            "a/b, a/+, false",
            "a/+/c, a/b, false",
            "a, a/b, false",
            "+/b, $x/b, false",
            "$x/+, $x/b, true"})
    void coverage(String outer, String inner, boolean expected) {
        assertThat(FilterRelations.covers(TopicFilter.parse(outer), TopicFilter.parse(inner))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} and {1} intersect: {2}")
    @CsvSource({
            "a/#, a/b, true",
            "a/secret/#, a/#, true",
            "a/secret/#, a/+, true",
            "a/secret/#, a/public/+, false",
            "a/secret/#, a, false",
            "a/#, a, true",
            "+/b, a/+, true",
            "a/b, a/c, false",
            "#, $SYS/x, false",
            "$SYS/#, $SYS/+, true",
            "a/+/c, a/b, false"})
    void intersection(String first, String second, boolean expected) {
        assertThat(FilterRelations.intersect(TopicFilter.parse(first), TopicFilter.parse(second))).isEqualTo(expected);
        assertThat(FilterRelations.intersect(TopicFilter.parse(second), TopicFilter.parse(first))).isEqualTo(expected);
    }
}
