package dev.tern.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.domain.topic.TopicName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplicationMessageTest {

    private static final TopicName TOPIC = new TopicName("a/b");
    private static final Payload PAYLOAD = Payload.wrap(new byte[] {1, 2});
    private static final MessageProperties PROPERTIES =
            new MessageProperties(1, "text/plain", null, null, List.of(new UserProperty("k", "v")));

    private static ApplicationMessage expiringAt(long expiresAtMillis) {
        return new ApplicationMessage(TOPIC, PAYLOAD, Qos.AT_LEAST_ONCE, false, PROPERTIES, "pub", expiresAtMillis);
    }

    @Test
    void ofBuildsAMessageThatNeverExpiresWithoutPropertiesOrPublisher() {
        ApplicationMessage message = ApplicationMessage.of("a/b", new byte[] {1, 2}, Qos.EXACTLY_ONCE, true);

        assertThat(message).isEqualTo(new ApplicationMessage(
                TOPIC, PAYLOAD, Qos.EXACTLY_ONCE, true, MessageProperties.NONE, "", ApplicationMessage.NEVER));
    }

    @Test
    void ofRejectsAnInvalidTopicName() {
        assertThatIllegalArgumentException().isThrownBy(() -> ApplicationMessage.of("a/+", new byte[0], Qos.AT_MOST_ONCE, false));
    }

    @Test
    void rejectsMissingFields() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationMessage(
                null, PAYLOAD, Qos.AT_MOST_ONCE, false, PROPERTIES, "", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationMessage(
                TOPIC, null, Qos.AT_MOST_ONCE, false, PROPERTIES, "", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationMessage(
                TOPIC, PAYLOAD, null, false, PROPERTIES, "", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationMessage(
                TOPIC, PAYLOAD, Qos.AT_MOST_ONCE, false, null, "", 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new ApplicationMessage(
                TOPIC, PAYLOAD, Qos.AT_MOST_ONCE, false, PROPERTIES, null, 0));
    }

    /** Expired from the deadline itself on: a message must not be delivered once its interval has passed [MQTT-3.3.2-5]. */
    @ParameterizedTest(name = "deadline 10000, now {0} -> expired {1}")
    @CsvSource({"0, false", "9999, false", "10000, true", "10001, true"})
    void expiresFromItsDeadlineOn(long nowMillis, boolean expired) {
        assertThat(expiringAt(10_000).isExpiredAt(nowMillis)).isEqualTo(expired);
    }

    @Test
    void aMessageWithoutExpiryNeverExpires() {
        assertThat(expiringAt(ApplicationMessage.NEVER).isExpiredAt(Long.MAX_VALUE - 1)).isFalse();
    }

    /** The forwarded Message Expiry Interval is the time left [MQTT-3.3.2-6], rounded up so it never reads 0 early. */
    @ParameterizedTest(name = "deadline 10000, now {0} -> {1} s")
    @CsvSource({
        "0,     10",
        "1,     10",
        "999,   10",
        "1000,  9",
        "9000,  1",
        "9001,  1",
        "9999,  1",
        "10000, 0",
        "20000, 0",
    })
    void remainingExpirySecondsRoundsUpAndStopsAtZero(long nowMillis, long expectedSeconds) {
        assertThat(expiringAt(10_000).remainingExpirySeconds(nowMillis)).isEqualTo(expectedSeconds);
    }

    @Test
    void remainingExpirySecondsIsMinusOneWithoutExpiry() {
        assertThat(expiringAt(ApplicationMessage.NEVER).remainingExpirySeconds(0)).isEqualTo(-1);
    }

    @Test
    void remainingExpirySecondsDoesNotOverflowForFarDeadlines() {
        long deadline = Long.MAX_VALUE - 1;

        assertThat(expiringAt(deadline).remainingExpirySeconds(0)).isEqualTo(deadline / 1000 + 1);
    }

    @Test
    void withQosReturnsTheSameInstanceWhenUnchanged() {
        ApplicationMessage message = expiringAt(5);

        assertThat(message.withQos(Qos.AT_LEAST_ONCE)).isSameAs(message);
    }

    @Test
    void withQosChangesOnlyTheQos() {
        ApplicationMessage message = expiringAt(5);

        assertThat(message.withQos(Qos.AT_MOST_ONCE)).isEqualTo(
                new ApplicationMessage(TOPIC, PAYLOAD, Qos.AT_MOST_ONCE, false, PROPERTIES, "pub", 5));
    }

    @Test
    void withRetainReturnsTheSameInstanceWhenUnchanged() {
        ApplicationMessage message = expiringAt(5);

        assertThat(message.withRetain(false)).isSameAs(message);
    }

    @Test
    void withRetainChangesOnlyTheRetainFlag() {
        ApplicationMessage message = expiringAt(5);

        assertThat(message.withRetain(true)).isEqualTo(
                new ApplicationMessage(TOPIC, PAYLOAD, Qos.AT_LEAST_ONCE, true, PROPERTIES, "pub", 5));
    }
}
