package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.storage.redis.ForwardFormat.MessageFrame;
import dev.tern.adapters.storage.redis.ForwardFormat.RetainedFrame;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.testkit.storage.ContractSamples;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ForwardFormatTest {

    private static final Clock SENDER = Clock.fixed(Instant.parse("2025-12-01T00:00:00Z"), ZoneOffset.UTC);
    /** The receiving node's clock is an hour ahead: expiry must not shrink by the skew. */
    private static final Clock RECEIVER = Clock.offset(SENDER, Duration.ofHours(1));

    private static ApplicationMessage expiringIn(long millis, Clock clock) {
        ApplicationMessage plain = ContractSamples.plainMessage("t", "x").withQos(Qos.AT_LEAST_ONCE);
        return new ApplicationMessage(plain.topic(), plain.payload(), plain.qos(), plain.retain(), plain.properties(),
                plain.publisherId(), clock.millis() + millis);
    }

    @Test
    void expiryCountsDownFromTheReceiversClockWhateverTheSkew() {
        ForwardedMessage sent = new ForwardedMessage("a:1", expiringIn(90_000, SENDER), true, Set.of());

        ForwardedMessage received = ForwardFormat.forwarded(ForwardFormat.forwarded(sent, SENDER), "test", RECEIVER);

        assertThat(received.message().expiresAtMillis()).isEqualTo(RECEIVER.millis() + 90_000);
        assertThat(received.message().remainingExpirySeconds(RECEIVER.millis())).isEqualTo(90);
    }

    @Test
    void aMessageWithoutExpiryStaysWithout() {
        ForwardedMessage sent = new ForwardedMessage("a:1", ContractSamples.sparseMessage("t"), true, Set.of());

        MessageFrame frame = (MessageFrame) ForwardFormat.frame(ForwardFormat.messageFrame(sent, SENDER), "test", RECEIVER);

        assertThat(frame.message()).isEqualTo(sent);
    }

    @Test
    void aMessageRelayedForAHandedOverSessionKeepsItsClientIdInTheInboxAndOnTheChannel() {
        ForwardedMessage sent = ForwardedMessage.relayed("c:7", ContractSamples.sparseMessage("t"), "dev");

        ForwardedMessage fromInbox = ForwardFormat.forwarded(ForwardFormat.forwarded(sent, SENDER), "test", RECEIVER);
        MessageFrame frame = (MessageFrame) ForwardFormat.frame(ForwardFormat.messageFrame(sent, SENDER), "test", RECEIVER);

        assertThat(fromInbox).isEqualTo(sent);
        assertThat(frame.message()).isEqualTo(sent);
        assertThat(fromInbox.handedOver()).isEqualTo("dev");
        assertThat(fromInbox.plain()).isFalse();
    }

    @Test
    void aMessageExpiredOnTheSenderArrivesExpired() {
        ApplicationMessage expired = expiringIn(-5_000, SENDER);

        RetainedFrame frame = (RetainedFrame) ForwardFormat.frame(ForwardFormat.retainedFrame("a", expired, SENDER),
                "test", RECEIVER);

        assertThat(frame.origin()).isEqualTo("a");
        assertThat(frame.message().isExpiredAt(RECEIVER.millis())).isTrue();
    }

    @Test
    void aFrameOfAnUnknownKindIsReportedAsCorrupt() {
        byte[] unknown = new ValueWriter(StoredValues.VERSION).writeByte(99).toByteArray();

        assertThatThrownBy(() -> ForwardFormat.frame(unknown, "P cluster:node:{b}", RECEIVER))
                .isInstanceOf(CorruptValueException.class).hasMessageContaining("P cluster:node:{b}");
    }

    @Test
    void routeChangesRoundTrip() {
        RouteChange added = new RouteChange(RouteChange.Kind.ADDED, "a", "$share/g/x/+");
        RouteChange gone = new RouteChange(RouteChange.Kind.NODE_REMOVED, "a", null);

        assertThat(RouteChange.of(added.toBytes(), "test")).isEqualTo(added);
        assertThat(RouteChange.of(gone.toBytes(), "test")).isEqualTo(gone);
    }
}
