package dev.tern.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private final Targets targets = new Targets();

    @Test
    void isEmptyUntilATargetIsAdded() {
        assertThat(targets.size()).isZero();
        assertThat(targets.get("a")).isNull();
        assertThat(visited()).isEmpty();
    }

    @Test
    void givesTheSameTargetForTheSameSessionTwice() {
        Target first = targets.getOrAdd("a");

        assertThat(targets.getOrAdd("a")).isSameAs(first);
        assertThat(targets.size()).isEqualTo(1);
        assertThat(visited()).containsExactly("a");
    }

    @Test
    void keepsEveryTargetOnceASecondSessionJoins() {
        Target a = targets.getOrAdd("a");
        Target b = targets.getOrAdd("b");
        targets.put(new Target("c"));

        assertThat(targets.get("a")).isSameAs(a);
        assertThat(targets.getOrAdd("b")).isSameAs(b);
        assertThat(targets.get("d")).isNull();
        assertThat(targets.size()).isEqualTo(3);
        assertThat(visited()).containsExactlyInAnyOrder("a", "b", "c");
    }

    private List<String> visited() {
        List<String> ids = new ArrayList<>();
        targets.forEach(target -> ids.add(target.clientId));
        return ids;
    }
}
