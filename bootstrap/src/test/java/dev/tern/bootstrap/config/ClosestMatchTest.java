package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClosestMatchTest {

    private static final List<String> KEYS = List.of("listeners.tcp.port", "listeners.tcp.host", "mqtt.max-inflight");

    @Test
    void suggestsTheKeyFewestEditsAway() {
        assertThat(ClosestMatch.in(KEYS, "listeners.tcp.hots")).contains("listeners.tcp.host");
        assertThat(ClosestMatch.in(KEYS, "mqtt.maxinflight")).contains("mqtt.max-inflight");
    }

    @Test
    void suggestsTheFullKeyForAKeyWithoutItsSection() {
        assertThat(ClosestMatch.in(KEYS, "tcp.port")).contains("listeners.tcp.port");
    }

    @Test
    void suggestsNothingForAnUnrelatedName() {
        assertThat(ClosestMatch.in(KEYS, "cluster.nodes")).isEmpty();
    }

    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertThat(ClosestMatch.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(ClosestMatch.distance("", "abc")).isEqualTo(3);
        assertThat(ClosestMatch.distance("same", "same")).isZero();
    }
}
