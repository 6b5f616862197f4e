package dev.tern.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SubscriptionIndexListenerTest {

    private final List<String> heard = new ArrayList<>();
    private final SubscriptionIndex index = new SubscriptionIndex(new SubscriptionIndex.Listener() {
        @Override
        public void subscribed(TopicFilter filter) {
            heard.add("+" + filter.value());
        }

        @Override
        public void unsubscribed(TopicFilter filter) {
            heard.add("-" + filter.value());
        }
    });

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
