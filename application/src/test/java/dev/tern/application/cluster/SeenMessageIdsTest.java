package dev.tern.application.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.cluster.SeenMessageIds.Sight;
import org.junit.jupiter.api.Test;

class SeenMessageIdsTest {

    @Test
    void knowsAnIdItSawAndWhetherItsMessageWasSettled() {
        SeenMessageIds seen = new SeenMessageIds(8);

        assertThat(seen.firstSight("a:1")).isEqualTo(Sight.NEW);
        assertThat(seen.firstSight("a:1")).isEqualTo(Sight.SEEN);
        seen.settled("a:1");
        assertThat(seen.firstSight("a:1")).isEqualTo(Sight.SEEN_SETTLED);
        assertThat(seen.firstSight("b:1")).isEqualTo(Sight.NEW);
    }

    @Test
    void forgetsTheOldestIdsBeyondItsCapacity() {
        SeenMessageIds seen = new SeenMessageIds(3);
        for (int i = 1; i <= 5; i++) {
            seen.firstSight("a:" + i);
        }

        assertThat(seen.size()).isEqualTo(3);
        assertThat(seen.firstSight("a:5")).isEqualTo(Sight.SEEN);
        assertThat(seen.firstSight("a:1")).isEqualTo(Sight.NEW);
    }

    @Test
    void tellsWhetherAnIdWasFirstSeenBeforeOrAfterAMark() {
        SeenMessageIds seen = new SeenMessageIds(8);
        seen.firstSight("a:1");
        long mark = seen.mark();
        seen.firstSight("a:2");
        seen.firstSight("a:1");
        seen.settled("a:2");

        assertThat(seen.sightOf("a:1")).isLessThan(mark);
        assertThat(seen.sightOf("a:2")).isGreaterThanOrEqualTo(mark);
        assertThat(seen.sightOf("a:3")).isEqualTo(-1);
        assertThat(seen.firstSight("a:2")).as("settling keeps the sight").isEqualTo(Sight.SEEN_SETTLED);
    }
}
