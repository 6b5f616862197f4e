package dev.tern.domain.delivery;

import static dev.tern.domain.delivery.TestDeliveries.delivery;
import static dev.tern.domain.delivery.TestDeliveries.qos1;
import static dev.tern.domain.delivery.TestDeliveries.qos2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.tern.domain.delivery.OutboundFlow.AwaitingPubcomp;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubrec;
import dev.tern.domain.delivery.OutboundFlow.Step;
import dev.tern.domain.message.Qos;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every state of an outbound QoS 1/2 flow crossed with every acknowledgement (4.3.2, 4.3.3).
 */
class OutboundFlowTest {

    private static final int ID = 42;

    private static final OutboundFlow AWAITING_PUBACK = new AwaitingPuback(ID, qos1("a"));
    private static final OutboundFlow AWAITING_PUBREC = new AwaitingPubrec(ID, qos2("b"));
    private static final OutboundFlow AWAITING_PUBCOMP = new AwaitingPubcomp(ID);
    private static final Named<OutboundFlow> PUBACK_STATE = Named.of("AwaitingPuback", AWAITING_PUBACK);
    private static final Named<OutboundFlow> PUBREC_STATE = Named.of("AwaitingPubrec", AWAITING_PUBREC);
    private static final Named<OutboundFlow> PUBCOMP_STATE = Named.of("AwaitingPubcomp", AWAITING_PUBCOMP);

    private static final Step COMPLETED = new Step.Completed();
    /** Stands for any {@link Step.Unexpected}: its explanation text is not part of the table. */
    private static final Step UNEXPECTED = new Step.Unexpected("any");

    private enum Ack {
        PUBACK(OutboundFlow::onPuback),
        PUBREC(OutboundFlow::onPubrec),
        PUBCOMP(OutboundFlow::onPubcomp);

        private final Function<OutboundFlow, Step> apply;

        Ack(Function<OutboundFlow, Step> apply) {
            this.apply = apply;
        }
    }

    /** The full table: state, acknowledgement, expected step. Nine rows, none left out. */
    static Stream<Arguments> transitions() {
        return Stream.of(
                arguments(PUBACK_STATE, Ack.PUBACK, COMPLETED),
                arguments(PUBACK_STATE, Ack.PUBREC, UNEXPECTED),
                arguments(PUBACK_STATE, Ack.PUBCOMP, UNEXPECTED),
                arguments(PUBREC_STATE, Ack.PUBACK, UNEXPECTED),
                arguments(PUBREC_STATE, Ack.PUBREC, new Step.SendPubrel(new AwaitingPubcomp(ID))),
                arguments(PUBREC_STATE, Ack.PUBCOMP, UNEXPECTED),
                arguments(PUBCOMP_STATE, Ack.PUBACK, UNEXPECTED),
                arguments(PUBCOMP_STATE, Ack.PUBREC, UNEXPECTED),
                arguments(PUBCOMP_STATE, Ack.PUBCOMP, COMPLETED));
    }

    @ParameterizedTest(name = "{1} in {0}")
    @MethodSource("transitions")
    void everyAcknowledgementInEveryStateYieldsTheTableStep(OutboundFlow state, Ack ack, Step expected) {
        Step step = ack.apply.apply(state);

        if (expected == UNEXPECTED) {
            assertThat(step).isInstanceOf(Step.Unexpected.class);
            assertThat(((Step.Unexpected) step).why()).contains(ack.name()).contains(String.valueOf(ID));
        } else {
            assertThat(step).isEqualTo(expected);
        }
    }

    @Test
    void pubackOnAwaitingPubackCompletesTheFlow() {
        assertThat(AWAITING_PUBACK.onPuback()).isInstanceOf(Step.Completed.class);
    }

    @Test
    void pubrecOnAwaitingPubrecSendsPubrelAndAwaitsPubcompForTheSamePacketId() {
        Step step = AWAITING_PUBREC.onPubrec();

        assertThat(step).isInstanceOf(Step.SendPubrel.class);
        assertThat(((Step.SendPubrel) step).next().packetId()).isEqualTo(ID);
    }

    @Test
    void pubcompOnAwaitingPubcompCompletesTheFlow() {
        assertThat(AWAITING_PUBCOMP.onPubcomp()).isInstanceOf(Step.Completed.class);
    }

    /** A duplicate PUBREC after PUBREL was sent is not answered as if the flow restarted. */
    @Test
    void secondPubrecAfterPubrelIsUnexpected() {
        Step first = AWAITING_PUBREC.onPubrec();
        AwaitingPubcomp next = ((Step.SendPubrel) first).next();

        assertThat(next.onPubrec()).isInstanceOf(Step.Unexpected.class);
    }

    static Stream<Arguments> startStates() {
        return Stream.of(
                arguments(Qos.AT_LEAST_ONCE, AwaitingPuback.class),
                arguments(Qos.EXACTLY_ONCE, AwaitingPubrec.class));
    }

    @ParameterizedTest(name = "{0} starts in {1}")
    @MethodSource("startStates")
    void startPicksTheFirstStateFromTheDeliveryQos(Qos qos, Class<? extends OutboundFlow> expectedState) {
        Delivery delivery = delivery("m", qos);

        OutboundFlow flow = OutboundFlow.start(7, delivery);

        assertThat(flow).isInstanceOf(expectedState);
        assertThat(flow.packetId()).isEqualTo(7);
        assertThat(flow.qos()).isEqualTo(qos);
    }

    @Test
    void startKeepsTheDeliveryForAResend() {
        Delivery delivery = qos2("m");

        assertThat(OutboundFlow.start(7, delivery)).isEqualTo(new AwaitingPubrec(7, delivery));
    }

    @Test
    void startRejectsQos0BecauseItHasNoAcknowledgement() {
        Delivery delivery = delivery("m", Qos.AT_MOST_ONCE);

        assertThatIllegalArgumentException().isThrownBy(() -> OutboundFlow.start(7, delivery));
    }

    /** PUBREL has been sent only for QoS 2 flows, so the flow still reports QoS 2. */
    @Test
    void awaitingPubcompReportsQos2() {
        assertThat(AWAITING_PUBCOMP.qos()).isEqualTo(Qos.EXACTLY_ONCE);
    }
}
