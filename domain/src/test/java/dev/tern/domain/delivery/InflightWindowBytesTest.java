package dev.tern.domain.delivery;

import static dev.tern.domain.delivery.TestDeliveries.qos1;
import static dev.tern.domain.delivery.TestDeliveries.qos2;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The byte bound of the in-flight window (each test delivery is "t/x" plus x: 4 bytes a letter). */
class InflightWindowBytesTest {

    @Test
    void holdsAMessageThatWouldPassTheByteBound() {
        InflightWindow window = new InflightWindow(10, 8);

        assertThat(window.open(qos1("a"))).isNotNull();
        assertThat(window.open(qos1("b"))).isNotNull();
        assertThat(window.open(qos1("c"))).isNull();
        assertThat(window.bytes()).isEqualTo(8);
        assertThat(window.size()).isEqualTo(2);
    }

    @Test
    void anEmptyWindowTakesOneMessageLargerThanTheBound() {
        InflightWindow window = new InflightWindow(10, 4);

        assertThat(window.open(qos1("large"))).isNotNull();
        assertThat(window.open(qos1("a"))).isNull();
    }

    @Test
    void pubackFreesTheBytesOfItsMessage() {
        InflightWindow window = new InflightWindow(10, 8);
        OutboundFlow first = window.open(qos1("a"));
        window.open(qos1("b"));

        window.complete(first.packetId());

        assertThat(window.bytes()).isEqualTo(4);
        assertThat(window.open(qos1("c"))).isNotNull();
    }

    @Test
    void pubrecFreesTheBytesSinceOnlyThePacketIdIsKeptAfterIt() {
        InflightWindow window = new InflightWindow(10, 4);
        OutboundFlow flow = window.open(qos2("a"));

        window.advance(new OutboundFlow.AwaitingPubcomp(flow.packetId()));

        assertThat(window.bytes()).isZero();
        assertThat(window.open(qos1("b"))).isNotNull();
        window.complete(flow.packetId());
        assertThat(window.bytes()).isEqualTo(4);
    }

    @Test
    void restoredFlowsCountAndClearForgetsEverything() {
        InflightWindow window = new InflightWindow(10, 100);
        window.restore(new OutboundFlow.AwaitingPuback(7, qos1("a")));
        window.restore(new OutboundFlow.AwaitingPubcomp(8));

        assertThat(window.bytes()).isEqualTo(4);
        window.clear();
        assertThat(window.bytes()).isZero();
    }
}
