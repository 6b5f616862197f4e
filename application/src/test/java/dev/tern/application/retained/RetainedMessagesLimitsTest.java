package dev.tern.application.retained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.config.RetainedOverflow;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.limits.LimitCounters.Limit;
import dev.tern.application.limits.TestLimits;
import dev.tern.application.storage.NoRecorder;
import dev.tern.application.testing.ManualClock;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The retained store's bounds: messages and bytes (payload plus topic), refused or made room for. */
class RetainedMessagesLimitsTest {

    private final LimitCounters counters = new LimitCounters();

    private RetainedMessages store(long maxMessages, long maxBytes, RetainedOverflow whenFull) {
        LimitsSettings limits = TestLimits.retained(maxMessages, maxBytes, whenFull);
        return new RetainedMessages(NoRecorder.INSTANCE, limits, counters, new ManualClock(0));
    }

    private static ApplicationMessage retained(String topic, String payload) {
        return ApplicationMessage.of(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_MOST_ONCE, true);
    }

    @Test
    void refusesANewTopicAtTheMessageLimitButReplacesAnExistingOne() {
        RetainedMessages store = store(2, 1000, RetainedOverflow.REFUSE);
        assertThat(store.retain(retained("a", "1"), null)).isTrue();
        assertThat(store.retain(retained("b", "1"), null)).isTrue();

        assertThat(store.retain(retained("c", "1"), null)).isFalse();
        assertThat(store.retain(retained("a", "2"), null)).isTrue();

        assertThat(store.get("c")).isNull();
        assertThat(store.get("a").payload().size()).isEqualTo(1);
        assertThat(store.size()).isEqualTo(2);
        assertThat(counters.count(Limit.RETAINED_REFUSED)).isEqualTo(1);
    }

    @Test
    void refusesWhatWouldPassTheByteLimit() {
        RetainedMessages store = store(100, 10, RetainedOverflow.REFUSE);
        assertThat(store.retain(retained("a", "1234"), null)).isTrue();     // 5 bytes

        assertThat(store.retain(retained("b", "123456"), null)).isFalse(); // 7 more
        assertThat(store.retain(retained("a", "123456789"), null)).isTrue(); // replaces: 10 in all
        assertThat(store.bytes()).isEqualTo(10);
        assertThat(counters.count(Limit.RETAINED_REFUSED)).isEqualTo(1);
    }

    @Test
    void dropOldestDeletesTheMessagesSetLongestAgo() {
        RetainedMessages store = store(2, 1000, RetainedOverflow.DROP_OLDEST);
        store.retain(retained("a", "1"), null);
        store.retain(retained("b", "1"), null);
        store.retain(retained("a", "2"), null); // a is now newer than b

        assertThat(store.retain(retained("c", "1"), null)).isTrue();

        assertThat(store.get("b")).isNull();
        assertThat(store.get("a")).isNotNull();
        assertThat(store.get("c")).isNotNull();
        assertThat(counters.count(Limit.RETAINED_EVICTED)).isEqualTo(1);
    }

    @Test
    void dropOldestDeletesAsManyAsTheBytesNeed() {
        RetainedMessages store = store(100, 12, RetainedOverflow.DROP_OLDEST);
        store.retain(retained("a", "123"), null); // 4 bytes each
        store.retain(retained("b", "123"), null);
        store.retain(retained("c", "123"), null);

        assertThat(store.retain(retained("d", "1234567"), null)).isTrue(); // 8 bytes: a and b go

        assertThat(store.matching(TopicFilter.parse("#"), 0)).extracting(m -> m.topic().value())
                .containsExactlyInAnyOrder("c", "d");
        assertThat(store.bytes()).isEqualTo(12);
        assertThat(counters.count(Limit.RETAINED_EVICTED)).isEqualTo(2);
    }

    @Test
    void aMessageLargerThanTheByteLimitIsRefusedEvenWhenDroppingTheOldest() {
        RetainedMessages store = store(100, 4, RetainedOverflow.DROP_OLDEST);
        store.retain(retained("a", "1"), null);

        assertThat(store.retain(retained("b", "12345"), null)).isFalse();
        assertThat(store.get("a")).isNotNull();
    }

    @Test
    void deletionsAndExpiryFreeTheirRoom() {
        RetainedMessages store = store(2, 1000, RetainedOverflow.REFUSE);
        store.retain(retained("a", "1"), null);
        store.retain(new ApplicationMessage(new TopicName("b"), Payload.wrap(new byte[] {1}), Qos.AT_MOST_ONCE,
                true, MessageProperties.NONE, "", 50), null);

        store.retain(retained("a", ""), null);   // an empty retained message deletes
        store.matching(TopicFilter.parse("#"), 100); // b has expired by now

        assertThat(store.size()).isZero();
        assertThat(store.bytes()).isZero();
        assertThat(store.retain(retained("c", "1"), null)).isTrue();
        assertThat(store.retain(retained("d", "1"), null)).isTrue();
    }

    @Test
    void restoredMessagesCountTowardsTheLimits() {
        RetainedMessages store = store(2, 1000, RetainedOverflow.REFUSE);
        store.restore(retained("a", "1"));
        store.restore(retained("b", "1"));

        assertThat(store.retain(retained("c", "1"), null)).isFalse();
        assertThat(store.bytes()).isEqualTo(4);
    }
}
