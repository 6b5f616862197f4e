package dev.tern.application.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.limits.LimitCounters.Limit;
import org.junit.jupiter.api.Test;

class ResourceLimitsTest {

    private final LimitCounters counters = new LimitCounters();

    @Test
    void topicLengthIsCountedInUtf8Bytes() {
        ResourceLimits limits = new ResourceLimits(TestLimits.topics(6, 128), counters);

        assertThat(limits.topicAllowed("abcdef")).isTrue();
        assertThat(limits.topicAllowed("abcdefg")).isFalse();
        assertThat(limits.topicAllowed("ééé")).isTrue();      // 6 bytes
        assertThat(limits.topicAllowed("éééa")).isFalse();    // 7 bytes in 4 chars
        assertThat(limits.topicAllowed("€€")).isTrue();       // 6 bytes
        assertThat(limits.topicAllowed("€€a")).isFalse();
        assertThat(counters.count(Limit.TOPIC_LENGTH)).isEqualTo(3);
    }

    @Test
    void topicLevelsAreTheSeparatorsPlusOne() {
        ResourceLimits limits = new ResourceLimits(TestLimits.topics(1000, 3), counters);

        assertThat(limits.topicAllowed("a/b/c")).isTrue();
        assertThat(limits.topicAllowed("//")).isTrue();
        assertThat(limits.topicAllowed("a/b/c/d")).isFalse();
        assertThat(limits.topicAllowed("///")).isFalse();
        assertThat(counters.count(Limit.TOPIC_LEVELS)).isEqualTo(2);
    }

    @Test
    void clientIdLengthIsCountedInUtf8Bytes() {
        ResourceLimits limits = new ResourceLimits(TestLimits.clientId(23), counters);

        assertThat(limits.clientIdTooLong("a".repeat(23))).isFalse();
        assertThat(limits.clientIdTooLong("a".repeat(24))).isTrue();
        assertThat(limits.clientIdTooLong("a".repeat(21) + "€")).isTrue(); // 22 chars, 24 bytes
        assertThat(limits.clientIdTooLong("a".repeat(20) + "é")).isFalse(); // 22 bytes
        assertThat(counters.count(Limit.CLIENT_ID_LENGTH)).isEqualTo(2);
    }

    @Test
    void aSessionMayHoldUpToTheSubscriptionLimit() {
        ResourceLimits limits = new ResourceLimits(TestLimits.subscriptions(2), counters);

        assertThat(limits.roomForSubscription(1)).isTrue();
        assertThat(limits.roomForSubscription(2)).isFalse();
        assertThat(counters.count(Limit.SUBSCRIPTIONS)).isEqualTo(1);
    }
}
