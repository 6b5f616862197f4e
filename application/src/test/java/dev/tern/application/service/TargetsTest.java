package dev.tern.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import dev.tern.domain.subscription.SubscriptionOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TargetsTest {

    private final Targets targets = Targets.borrow();

    @AfterEach
    void giveBack() {
        targets.release();
    }

    @Test
    void isEmptyUntilATargetIsAdded() {
        assertThat(targets.size()).isZero();
        assertThat(targets.get("a")).isNull();
        assertThat(visited(targets)).isEmpty();
    }

    @Test
    void givesTheSameTargetForTheSameSessionTwice() {
        Target first = targets.getOrAdd("a");

        assertThat(targets.getOrAdd("a")).isSameAs(first);
        assertThat(targets.size()).isEqualTo(1);
        assertThat(visited(targets)).containsExactly("a");
    }

    @Test
    void findsEverySessionOfALargeFanOutOnceWhileTheTableGrows() {
        List<Target> added = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            added.add(targets.getOrAdd("client-" + i));
        }

        for (int i = 0; i < 300; i++) {
            assertThat(targets.get("client-" + i)).isSameAs(added.get(i));
            assertThat(targets.getOrAdd("client-" + i)).isSameAs(added.get(i));
        }
        assertThat(targets.get("client-300")).isNull();
        assertThat(targets.size()).isEqualTo(300);
        assertThat(visited(targets)).hasSize(300).doesNotHaveDuplicates();
    }

    @Test
    void startsTheNextMessageEmptyWithItsTargetsAsNew() {
        targets.getOrAdd("a").add(SubscriptionOptions.of(Qos.AT_LEAST_ONCE, false, true, RetainHandling.SEND_ON_SUBSCRIBE, 7));
        targets.getOrAdd("b");
        targets.release();

        Targets next = Targets.borrow();
        Target a = next.getOrAdd("a");

        assertThat(next).isSameAs(targets);
        assertThat(next.size()).isEqualTo(1);
        assertThat(next.get("b")).isNull();
        assertThat(a.hasSubscriptionIds()).isFalse();
        assertThat(a.toDelivery(ApplicationMessage.of("t", new byte[0], Qos.EXACTLY_ONCE, false)).message().qos()).isEqualTo(Qos.AT_MOST_ONCE);
    }

    @Test
    void givesAMessageRoutedWhileAnotherIsRoutedOnTheSameThreadTargetsOfItsOwn() {
        Target outer = targets.getOrAdd("a");

        Targets inner = Targets.borrow();
        inner.getOrAdd("b");
        inner.release();

        assertThat(inner).isNotSameAs(targets);
        assertThat(targets.get("a")).isSameAs(outer);
        assertThat(targets.get("b")).isNull();
    }

    private static List<String> visited(Targets targets) {
        List<String> ids = new ArrayList<>();
        targets.forEach(target -> ids.add(target.clientId));
        return ids;
    }
}
