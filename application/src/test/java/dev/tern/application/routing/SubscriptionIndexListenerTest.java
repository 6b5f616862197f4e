package dev.tern.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionIndexListenerTest {

    private final HeardChanges changes = new HeardChanges();
    private final List<String> heard = changes.heard;
    private final SubscriptionIndex index = new SubscriptionIndex(changes);

    @Test
    void hearsANewSubscriptionOnceAndNotAChangeOfItsOptions() {
        index.subscribe("c", TopicFilter.parse("a/#"), SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE));
        index.subscribe("c", TopicFilter.parse("a/#"), SubscriptionOptions.ofQos(Qos.EXACTLY_ONCE));
        index.subscribe("d", TopicFilter.parse("a/#"), SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE));

        assertThat(heard).containsExactly("+a/#", "+a/#");
    }

    @Test
    void hearsOnlyTheSubscriptionsThatReallyLeave() {
        index.subscribe("c", TopicFilter.parse("x"), SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE));
        index.subscribe("c", TopicFilter.parse("$share/g/y"), SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE));
        heard.clear();

        assertThat(index.unsubscribe("c", TopicFilter.parse("absent"))).isFalse();
        index.unsubscribeAll("c", List.of(TopicFilter.parse("x"), TopicFilter.parse("$share/g/y"),
                TopicFilter.parse("never")));

        assertThat(heard).containsExactly("-x", "-$share/g/y");
    }
}
