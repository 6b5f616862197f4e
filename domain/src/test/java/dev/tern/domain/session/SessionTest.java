package dev.tern.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OverflowPolicy;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.will.Will;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SessionTest {

    private static final String CLIENT = "client-1";

    private final Session session = newSession();

    private static Session newSession() {
        return new Session(CLIENT, SessionExpiry.NEVER, 10, 10, OverflowPolicy.DROP_OLDEST);
    }

    private static Subscription subscription(String filter, Qos qos) {
        return new Subscription(CLIENT, TopicFilter.parse(filter), SubscriptionOptions.ofQos(qos));
    }

    private static Delivery delivery(Qos qos) {
        return Delivery.of(ApplicationMessage.of("a/b", new byte[] {1}, qos, false));
    }

    private static Will will() {
        return new Will(ApplicationMessage.of("will/t", new byte[] {1}, Qos.AT_MOST_ONCE, false), 0);
    }

    @Test
    void startsEmpty() {
        assertThat(session.clientId()).isEqualTo(CLIENT);
        assertThat(session.expiry()).isEqualTo(SessionExpiry.NEVER);
        assertThat(session.subscriptions()).isEmpty();
        assertThat(session.will()).isNull();
        assertThat(session.hasState()).isFalse();
    }

    @Test
    void rejectsAMissingClientIdOrExpiry() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Session(null, SessionExpiry.NEVER, 1, 1, OverflowPolicy.DROP_OLDEST));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Session(CLIENT, null, 1, 1, OverflowPolicy.DROP_OLDEST));
    }

    @Test
    void passesItsLimitsToTheWindowAndQueue() {
        Session small = new Session(CLIENT, SessionExpiry.AT_DISCONNECT, 1, 1, OverflowPolicy.REFUSE_NEWEST);

        small.inflight().open(delivery(Qos.AT_LEAST_ONCE));
        small.queue().offer(delivery(Qos.AT_MOST_ONCE));

        assertThat(small.inflight().isFull()).isTrue();
        assertThat(small.queue().offer(delivery(Qos.AT_MOST_ONCE)).accepted()).isFalse();
    }

    @Test
    void aConnectionsReceiveMaximumBoundsTheWindowMadeAfterIt() {
        Session limited = newSession();

        limited.setInflightCapacity(2);
        limited.inflight().open(delivery(Qos.AT_LEAST_ONCE));
        limited.inflight().open(delivery(Qos.AT_LEAST_ONCE));

        assertThat(limited.inflight().isFull()).isTrue();
        assertThat(limited.inflightCount()).isEqualTo(2);
    }

    @Test
    void aConnectionsReceiveMaximumBoundsAWindowAlreadyMade() {
        session.inflight().open(delivery(Qos.AT_LEAST_ONCE));

        session.setInflightCapacity(1);

        assertThat(session.inflight().isFull()).isTrue();
    }

    @Test
    void refusesAnInflightCapacityNoPacketIdRangeAllows() {
        assertThatIllegalArgumentException().isThrownBy(() -> session.setInflightCapacity(0));
        assertThatIllegalArgumentException().isThrownBy(() -> session.setInflightCapacity(65_536));
    }

    @Test
    void countsNothingQueuedOrInFlightUntilMessagesArrive() {
        assertThat(session.hasQueued()).isFalse();
        assertThat(session.queuedCount()).isZero();
        assertThat(session.hasInflight()).isFalse();
        assertThat(session.inflightCount()).isZero();

        session.queue().offer(delivery(Qos.AT_MOST_ONCE));
        session.inflight().open(delivery(Qos.AT_LEAST_ONCE));

        assertThat(session.hasQueued()).isTrue();
        assertThat(session.queuedCount()).isEqualTo(1);
        assertThat(session.hasInflight()).isTrue();
        assertThat(session.inflightCount()).isEqualTo(1);
    }

    @Test
    void clearingASessionThatNeverQueuedLeavesItWithoutState() {
        session.clearMessages();

        assertThat(session.hasState()).isFalse();
        assertThat(session.queuedCount()).isZero();
    }

    @Test
    void subscribingToANewFilterReportsItAsNew() {
        Subscription subscription = subscription("a/#", Qos.AT_LEAST_ONCE);

        assertThat(session.subscribe(subscription)).isTrue();

        assertThat(session.subscriptions()).containsExactly(subscription);
    }

    /** A SUBSCRIBE for an existing filter replaces that subscription [MQTT-3.8.4-3]. */
    @Test
    void subscribingAgainToTheSameFilterReplacesTheSubscription() {
        session.subscribe(subscription("a/#", Qos.AT_LEAST_ONCE));
        Subscription replacement = subscription("a/#", Qos.EXACTLY_ONCE);

        assertThat(session.subscribe(replacement)).isFalse();

        assertThat(session.subscriptions()).containsExactly(replacement);
    }

    @Test
    void keepsSubscriptionsInTheOrderTheyWereFirstMade() {
        Subscription first = subscription("a", Qos.AT_MOST_ONCE);
        Subscription second = subscription("b", Qos.AT_MOST_ONCE);
        session.subscribe(first);
        session.subscribe(second);
        Subscription replacedFirst = subscription("a", Qos.AT_LEAST_ONCE);

        session.subscribe(replacedFirst);

        assertThat(session.subscriptions()).containsExactly(replacedFirst, second);
    }

    @Test
    void unsubscribeRemovesAndReturnsTheSubscription() {
        Subscription subscription = subscription("a/#", Qos.AT_LEAST_ONCE);
        session.subscribe(subscription);

        assertThat(session.unsubscribe("a/#")).isEqualTo(subscription);

        assertThat(session.subscriptions()).isEmpty();
    }

    @Test
    void unsubscribeFromAnUnknownFilterReturnsNull() {
        session.subscribe(subscription("a/#", Qos.AT_LEAST_ONCE));

        assertThat(session.unsubscribe("a/+")).isNull();

        assertThat(session.subscriptions()).hasSize(1);
    }

    @Test
    void subscriptionsViewIsReadOnly() {
        session.subscribe(subscription("a", Qos.AT_MOST_ONCE));

        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> session.subscriptions().clear());
    }

    @Test
    void takeWillHandsTheWillOutOnlyOnce() {
        Will will = will();
        session.setWill(will);

        assertThat(session.takeWill()).isSameAs(will);
        assertThat(session.takeWill()).isNull();
        assertThat(session.will()).isNull();
    }

    @Test
    void takeWillWithoutAWillReturnsNull() {
        assertThat(session.takeWill()).isNull();
    }

    @Test
    void setExpiryReplacesTheExpiry() {
        session.setExpiry(SessionExpiry.AT_DISCONNECT);

        assertThat(session.expiry()).isEqualTo(SessionExpiry.AT_DISCONNECT);
    }

    /** Clean start discards queued, in-flight and QoS 2 state [MQTT-3.1.2-4]. */
    @Test
    void clearMessagesForgetsQueuedInflightAndQos2ReceiptsButKeepsSubscriptions() {
        Subscription subscription = subscription("a", Qos.AT_MOST_ONCE);
        session.subscribe(subscription);
        session.queue().offer(delivery(Qos.AT_MOST_ONCE));
        session.inflight().open(delivery(Qos.EXACTLY_ONCE));
        session.inboundQos2().receive(7);

        session.clearMessages();

        assertThat(session.queue().isEmpty()).isTrue();
        assertThat(session.inflight().isEmpty()).isTrue();
        assertThat(session.inboundQos2().size()).isZero();
        assertThat(session.subscriptions()).containsExactly(subscription);
    }

    static Stream<Arguments> singlePiecesOfState() {
        return Stream.of(
                arguments(Named.<Consumer<Session>>of("a subscription",
                        s -> s.subscribe(subscription("a", Qos.AT_MOST_ONCE)))),
                arguments(Named.<Consumer<Session>>of("a queued message",
                        s -> s.queue().offer(delivery(Qos.AT_MOST_ONCE)))),
                arguments(Named.<Consumer<Session>>of("an in-flight message",
                        s -> s.inflight().open(delivery(Qos.AT_LEAST_ONCE)))),
                arguments(Named.<Consumer<Session>>of("a QoS 2 receipt",
                        s -> s.inboundQos2().receive(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("singlePiecesOfState")
    void anySinglePieceOfStateIsStateToResume(Consumer<Session> addState) {
        Session fresh = newSession();

        addState.accept(fresh);

        assertThat(fresh.hasState()).isTrue();
    }

    @Test
    void noStateRemainsOnceMessagesAndSubscriptionsAreGone() {
        session.subscribe(subscription("a", Qos.AT_MOST_ONCE));
        session.queue().offer(delivery(Qos.AT_MOST_ONCE));
        session.inboundQos2().receive(1);

        session.clearMessages();
        session.unsubscribe("a");

        assertThat(session.hasState()).isFalse();
    }
}
