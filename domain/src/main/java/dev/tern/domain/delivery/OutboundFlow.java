package dev.tern.domain.delivery;

import dev.tern.domain.message.Qos;

/**
 * The state of one outbound QoS 1 or 2 delivery, from PUBLISH sent to its final acknowledgement
 * (4.3.2, 4.3.3). Transitions return the next step; an acknowledgement the state does not expect
 * is a result ({@link Step.Unexpected}), not an exception.
 */
public sealed interface OutboundFlow {

    int packetId();

    /** QoS 1 PUBLISH sent, waiting for PUBACK. */
    record AwaitingPuback(int packetId, Delivery delivery) implements OutboundFlow {
    }

    /** QoS 2 PUBLISH sent, waiting for PUBREC. */
    record AwaitingPubrec(int packetId, Delivery delivery) implements OutboundFlow {
    }

    /** PUBREL sent, waiting for PUBCOMP; the message itself is no longer needed (4.3.3). */
    record AwaitingPubcomp(int packetId) implements OutboundFlow {
    }

    /** The first state of a delivery at {@code delivery.message().qos()}, which must be 1 or 2. */
    static OutboundFlow start(int packetId, Delivery delivery) {
        return switch (delivery.message().qos()) {
            case AT_LEAST_ONCE -> new AwaitingPuback(packetId, delivery);
            case EXACTLY_ONCE -> new AwaitingPubrec(packetId, delivery);
            case AT_MOST_ONCE -> throw new IllegalArgumentException("QoS 0 has no outbound flow");
        };
    }

    /** What an acknowledgement does to this flow. */
    sealed interface Step {
        /** The flow is over; its packet id may be released. */
        record Completed() implements Step {
        }

        /** PUBREC received: send PUBREL and wait in {@code next} (4.3.3). */
        record SendPubrel(AwaitingPubcomp next) implements Step {
        }

        /** The acknowledgement does not belong to this state; the flow is unchanged. */
        record Unexpected(String why) implements Step {
        }
    }

    default Step onPuback() {
        return this instanceof AwaitingPuback ? new Step.Completed()
                : new Step.Unexpected("PUBACK for packet " + packetId() + " in state " + getClass().getSimpleName());
    }

    default Step onPubrec() {
        return this instanceof AwaitingPubrec ? new Step.SendPubrel(new AwaitingPubcomp(packetId()))
                : new Step.Unexpected("PUBREC for packet " + packetId() + " in state " + getClass().getSimpleName());
    }

    default Step onPubcomp() {
        return this instanceof AwaitingPubcomp ? new Step.Completed()
                : new Step.Unexpected("PUBCOMP for packet " + packetId() + " in state " + getClass().getSimpleName());
    }

    /** The QoS of the PUBLISH that started the flow. */
    default Qos qos() {
        return this instanceof AwaitingPuback ? Qos.AT_LEAST_ONCE : Qos.EXACTLY_ONCE;
    }
}
