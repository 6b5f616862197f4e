package dev.tern.domain.delivery;

import static dev.tern.domain.delivery.TestDeliveries.delivery;
import static dev.tern.domain.delivery.TestDeliveries.qos1;
import static dev.tern.domain.delivery.TestDeliveries.qos2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.domain.delivery.OutboundFlow.AwaitingPubcomp;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPuback;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubrec;
import dev.tern.domain.delivery.OutboundFlow.Step;
import dev.tern.domain.message.Qos;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InflightWindowTest {

    @Test
    void opensFlowsUpToCapacityThenRefuses() {
        InflightWindow window = new InflightWindow(2);

        assertThat(window.open(qos1("a"))).isNotNull();
        assertThat(window.open(qos2("b"))).isNotNull();

        assertThat(window.isFull()).isTrue();
        assertThat(window.open(qos1("c"))).isNull();
        assertThat(window.size()).isEqualTo(2);
    }

    @Test
    void openStartsTheFlowForTheDeliveryQos() {
        InflightWindow window = new InflightWindow(10);
        Delivery a = qos1("a");
        Delivery b = qos2("b");

        OutboundFlow first = window.open(a);
        OutboundFlow second = window.open(b);

        assertThat(first).isEqualTo(new AwaitingPuback(first.packetId(), a));
        assertThat(second).isEqualTo(new AwaitingPubrec(second.packetId(), b));
        assertThat(window.get(first.packetId())).isSameAs(first);
    }

    @Test
    void completingAFlowFreesItsSlot() {
        InflightWindow window = new InflightWindow(1);
        OutboundFlow flow = window.open(qos1("a"));

        window.complete(flow.packetId());

        assertThat(window.isEmpty()).isTrue();
        assertThat(window.get(flow.packetId())).isNull();
        assertThat(window.open(qos1("b"))).isNotNull();
    }

    @Test
    void completingAnUnknownPacketIdChangesNothing() {
        InflightWindow window = new InflightWindow(2);
        OutboundFlow flow = window.open(qos1("a"));

        window.complete(flow.packetId() + 1);

        assertThat(window.inOrder()).containsExactly(flow);
    }

    /** [MQTT-2.3.1-2]: a packet id is never reused while its flow is open, even after the ids wrap. */
    @Test
    void neverHandsOutAPacketIdThatIsStillInFlightAcrossWrapAround() {
        InflightWindow window = new InflightWindow(3);
        OutboundFlow longLived = window.open(qos2("slow"));
        OutboundFlow restored = new AwaitingPubcomp(40_000);
        window.restore(restored);
        Set<Integer> seen = new HashSet<>();

        // More rounds than there are ids, so allocation passes both held ids at least once.
        for (int round = 0; round < 70_000; round++) {
            OutboundFlow flow = window.open(qos1("m"));
            assertThat(flow.packetId()).isNotIn(longLived.packetId(), restored.packetId());
            seen.add(flow.packetId());
            window.complete(flow.packetId());
        }

        assertThat(seen).hasSize(65_533);
        assertThat(window.inOrder()).containsExactly(longLived, restored);
    }

    /** A reconnect resends in the order of first sending [MQTT-4.4.0-1]. */
    @Test
    void keepsFirstSentOrderForTheResend() {
        InflightWindow window = new InflightWindow(10);
        OutboundFlow a = window.open(qos1("a"));
        OutboundFlow b = window.open(qos2("b"));
        OutboundFlow c = window.open(qos1("c"));

        assertThat(window.inOrder()).containsExactly(a, b, c);
    }

    @Test
    void advancingAQos2FlowToAwaitingPubcompKeepsItsPlaceInTheResendOrder() {
        InflightWindow window = new InflightWindow(10);
        OutboundFlow a = window.open(qos1("a"));
        OutboundFlow b = window.open(qos2("b"));
        OutboundFlow c = window.open(qos1("c"));
        AwaitingPubcomp next = ((Step.SendPubrel) b.onPubrec()).next();

        window.advance(next);

        assertThat(window.inOrder()).containsExactly(a, next, c);
        assertThat(window.get(b.packetId())).isEqualTo(next);
        assertThat(window.size()).isEqualTo(3);
    }

    @Test
    void advancingAFlowThatIsNotOpenAddsNothing() {
        InflightWindow window = new InflightWindow(10);

        window.advance(new AwaitingPubcomp(5));

        assertThat(window.isEmpty()).isTrue();
    }

    @Test
    void restoreKeepsTheStoredPacketIdAndState() {
        InflightWindow window = new InflightWindow(10);
        AwaitingPubcomp stored = new AwaitingPubcomp(300);

        assertThat(window.restore(stored)).isTrue();

        assertThat(window.get(300)).isEqualTo(stored);
        assertThat(window.inOrder()).containsExactly(stored);
    }

    @Test
    void restoreRejectsAPacketIdAlreadyTaken() {
        InflightWindow window = new InflightWindow(10);
        OutboundFlow open = window.open(qos1("a"));

        assertThat(window.restore(new AwaitingPubcomp(open.packetId()))).isFalse();

        assertThat(window.get(open.packetId())).isSameAs(open);
        assertThat(window.size()).isEqualTo(1);
    }

    @Test
    void openAfterRestoreDoesNotReuseARestoredPacketId() {
        InflightWindow window = new InflightWindow(10);
        window.restore(new AwaitingPuback(1, qos1("a")));
        window.restore(new AwaitingPubcomp(2));

        OutboundFlow flow = window.open(qos1("b"));

        assertThat(flow.packetId()).isNotIn(1, 2);
    }

    @Test
    void clearReturnsOnlyTheDeliveriesWhosePublishWasNotAcknowledged() {
        InflightWindow window = new InflightWindow(10);
        Delivery a = qos1("a");
        Delivery b = qos2("b");
        Delivery c = qos2("c");
        window.open(a);
        OutboundFlow flowB = window.open(b);
        window.open(c);
        // b's PUBLISH was acknowledged by PUBREC: the subscriber owns it now, only PUBREL is pending.
        window.advance(((Step.SendPubrel) flowB.onPubrec()).next());

        assertThat(window.clear()).containsExactly(a, c);
        assertThat(window.isEmpty()).isTrue();
    }

    @Test
    void clearFreesEveryPacketIdForReuse() {
        InflightWindow window = new InflightWindow(10);
        OutboundFlow flow = window.open(qos1("a"));

        window.clear();

        assertThat(window.restore(new AwaitingPubcomp(flow.packetId()))).isTrue();
    }

    @Test
    void openRejectsQos0WithoutTakingAPacketId() {
        InflightWindow window = new InflightWindow(10);

        assertThatIllegalArgumentException().isThrownBy(() -> window.open(delivery("q0", Qos.AT_MOST_ONCE)));

        assertThat(window.isEmpty()).isTrue();
        assertThat(window.open(qos1("a")).packetId()).isEqualTo(1);
    }

    @Test
    void loweringCapacityKeepsOpenFlowsButRefusesNewOnes() {
        InflightWindow window = new InflightWindow(3);
        window.open(qos1("a"));
        window.open(qos1("b"));

        window.setCapacity(1);

        assertThat(window.size()).isEqualTo(2);
        assertThat(window.isFull()).isTrue();
        assertThat(window.open(qos1("c"))).isNull();
    }

    @Test
    void raisingCapacityMakesRoomAtOnce() {
        InflightWindow window = new InflightWindow(1);
        window.open(qos1("a"));

        window.setCapacity(2);

        assertThat(window.open(qos1("b"))).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {1, 65_535})
    void acceptsCapacityAtTheBoundsOfReceiveMaximum(int capacity) {
        InflightWindow window = new InflightWindow(capacity);
        window.setCapacity(capacity);

        assertThat(window.isFull()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1, 65_536})
    void rejectsCapacityOutsideOneTo65535(int capacity) {
        assertThatIllegalArgumentException().isThrownBy(() -> new InflightWindow(capacity));
        InflightWindow window = new InflightWindow(1);
        assertThatIllegalArgumentException().isThrownBy(() -> window.setCapacity(capacity));
    }
}
