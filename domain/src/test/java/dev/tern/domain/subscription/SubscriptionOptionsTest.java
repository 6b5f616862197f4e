package dev.tern.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionOptionsTest {

    private static SubscriptionOptions withId(int subscriptionId) {
        return new SubscriptionOptions(Qos.AT_LEAST_ONCE, false, false, RetainHandling.SEND_ON_SUBSCRIBE, subscriptionId);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Qos.class)
    void mqtt311OptionsVaryOnlyInQos(Qos qos) {
        assertThat(SubscriptionOptions.ofQos(qos))
                .isEqualTo(new SubscriptionOptions(qos, false, false, RetainHandling.SEND_ON_SUBSCRIBE, 0));
        assertThat(SubscriptionOptions.ofQos(qos).hasSubscriptionId()).isFalse();
    }

    @Test
    void everyCombinationWithoutAnIdentifierIsOneSharedInstanceEqualToANewOne() {
        for (Qos qos : Qos.values()) {
            for (RetainHandling handling : RetainHandling.values()) {
                for (boolean noLocal : new boolean[] {false, true}) {
                    for (boolean asPublished : new boolean[] {false, true}) {
                        SubscriptionOptions shared = SubscriptionOptions.of(qos, noLocal, asPublished, handling, 0);
                        assertThat(shared).isEqualTo(new SubscriptionOptions(qos, noLocal, asPublished, handling, 0))
                                .isSameAs(SubscriptionOptions.of(qos, noLocal, asPublished, handling, 0));
                    }
                }
            }
        }
    }

    @Test
    void optionsWithAnIdentifierAreTheirOwn() {
        SubscriptionOptions options = SubscriptionOptions.of(Qos.AT_LEAST_ONCE, true, false, RetainHandling.DO_NOT_SEND, 5);

        assertThat(options).isEqualTo(new SubscriptionOptions(Qos.AT_LEAST_ONCE, true, false, RetainHandling.DO_NOT_SEND, 5));
        assertThatIllegalArgumentException().isThrownBy(
                () -> SubscriptionOptions.of(Qos.AT_LEAST_ONCE, false, false, RetainHandling.DO_NOT_SEND, -1));
    }

    /** The Subscription Identifier is a Variable Byte Integer of 1..268,435,455; 0 means none here. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 268_435_455})
    void acceptsSubscriptionIdsAtTheBoundsOfTheRange(int id) {
        SubscriptionOptions options = withId(id);

        assertThat(options.subscriptionId()).isEqualTo(id);
        assertThat(options.hasSubscriptionId()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 268_435_456, Integer.MAX_VALUE})
    void rejectsSubscriptionIdsOutsideTheRange(int id) {
        assertThatIllegalArgumentException().isThrownBy(() -> withId(id));
    }

    @Test
    void rejectsMissingQosOrRetainHandling() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new SubscriptionOptions(null, false, false, RetainHandling.SEND_ON_SUBSCRIBE, 0));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new SubscriptionOptions(Qos.AT_MOST_ONCE, false, false, null, 0));
    }

    @Test
    void subscriptionRejectsMissingFields() {
        TopicFilter filter = TopicFilter.parse("a/#");
        SubscriptionOptions options = SubscriptionOptions.ofQos(Qos.AT_MOST_ONCE);

        assertThatIllegalArgumentException().isThrownBy(() -> new Subscription(null, filter, options));
        assertThatIllegalArgumentException().isThrownBy(() -> new Subscription("c", null, options));
        assertThatIllegalArgumentException().isThrownBy(() -> new Subscription("c", filter, null));
    }
}
