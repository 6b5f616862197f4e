package dev.tern.application.admission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.port.in.Admission;
import dev.tern.application.port.in.Admission.Limit;
import dev.tern.application.port.in.ListenerGate;
import dev.tern.application.port.in.ListenerLimits;
import dev.tern.application.port.out.MetricsRegistry;
import dev.tern.application.testing.ManualClock;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionLimiterTest {

    private static final SocketAddress ALICE = new InetSocketAddress("10.0.0.1", 40_001);
    private static final SocketAddress ALICE_AGAIN = new InetSocketAddress("10.0.0.1", 40_002);
    private static final SocketAddress BOB = new InetSocketAddress("10.0.0.2", 40_001);

    private final ManualClock clock = new ManualClock(0);

    private ConnectionLimiter limiter(int max, int perAddress) {
        return new ConnectionLimiter(max, perAddress, MetricsRegistry.NONE, clock, () -> 0L);
    }

    @Test
    void theBrokerWideMaximumSpansListeners() {
        ConnectionLimiter limiter = limiter(2, 0);
        ListenerGate tcp = limiter.gate("tcp", ListenerLimits.NONE);
        ListenerGate ws = limiter.gate("websocket", ListenerLimits.NONE);

        Admission first = tcp.admit(ALICE);
        assertThat(ws.admit(BOB)).isInstanceOf(Admission.Admitted.class);

        assertThat(ws.admit(ALICE_AGAIN)).isEqualTo(new Admission.Refused(Limit.BROKER));
        assertThat(tcp.admit(ALICE_AGAIN)).isEqualTo(new Admission.Refused(Limit.BROKER));
        ((Admission.Admitted) first).slot().release();
        assertThat(ws.admit(ALICE_AGAIN)).isInstanceOf(Admission.Admitted.class);
        assertThat(limiter.open()).isEqualTo(2);
    }

    @Test
    void aListenerMaximumLeavesOtherListenersAlone() {
        ConnectionLimiter limiter = limiter(0, 0);
        ListenerGate tcp = limiter.gate("tcp", new ListenerLimits(1, 0));
        ListenerGate ws = limiter.gate("websocket", ListenerLimits.NONE);

        assertThat(tcp.admit(ALICE)).isInstanceOf(Admission.Admitted.class);
        assertThat(tcp.admit(BOB)).isEqualTo(new Admission.Refused(Limit.LISTENER));
        assertThat(ws.admit(BOB)).isInstanceOf(Admission.Admitted.class);
        // The refusal gave back the broker-wide place it had taken.
        assertThat(limiter.open()).isEqualTo(2);
    }

    @Test
    void theMaximumPerAddressCountsAddressesNotPortsAcrossListeners() {
        ConnectionLimiter limiter = limiter(0, 2);
        ListenerGate tcp = limiter.gate("tcp", ListenerLimits.NONE);
        ListenerGate ws = limiter.gate("websocket", ListenerLimits.NONE);

        Admission first = tcp.admit(ALICE);
        assertThat(ws.admit(ALICE_AGAIN)).isInstanceOf(Admission.Admitted.class);
        assertThat(tcp.admit(ALICE_AGAIN)).isEqualTo(new Admission.Refused(Limit.ADDRESS));
        assertThat(tcp.admit(BOB)).isInstanceOf(Admission.Admitted.class);

        ((Admission.Admitted) first).slot().release();
        assertThat(tcp.admit(ALICE)).isInstanceOf(Admission.Admitted.class);
        assertThat(limiter.open()).isEqualTo(3);
    }

    @Test
    void anAddressLeavesTheMapWithItsLastConnection() {
        ConnectionLimiter limiter = limiter(0, 5);
        ListenerGate tcp = limiter.gate("tcp", ListenerLimits.NONE);
        List<Admission.Admitted> admitted = new ArrayList<>();
        admitted.add((Admission.Admitted) tcp.admit(ALICE));
        admitted.add((Admission.Admitted) tcp.admit(ALICE_AGAIN));
        admitted.add((Admission.Admitted) tcp.admit(BOB));
        assertThat(limiter.perAddress().addresses()).isEqualTo(2);

        admitted.forEach(a -> a.slot().release());

        assertThat(limiter.perAddress().addresses()).isZero();
        assertThat(limiter.open()).isZero();
    }

    @Test
    void aSlotIsReleasedOnceHoweverOftenItIsCalled() {
        ConnectionLimiter limiter = limiter(2, 0);
        ListenerGate tcp = limiter.gate("tcp", ListenerLimits.NONE);
        Admission.Admitted first = (Admission.Admitted) tcp.admit(ALICE);
        tcp.admit(BOB);

        first.slot().release();
        first.slot().release();

        assertThat(limiter.open()).isEqualTo(1);
        assertThat(tcp.admit(ALICE)).isInstanceOf(Admission.Admitted.class);
        assertThat(tcp.admit(ALICE_AGAIN)).isEqualTo(new Admission.Refused(Limit.BROKER));
    }

    @Test
    void aPeerWithoutAnInternetAddressIsNotLimitedPerAddress() {
        ConnectionLimiter limiter = limiter(0, 1);
        ListenerGate unix = limiter.gate("unix", ListenerLimits.NONE);
        SocketAddress socket = UnixDomainSocketAddress.of("/run/tern.sock");

        assertThat(unix.admit(socket)).isInstanceOf(Admission.Admitted.class);
        assertThat(unix.admit(socket)).isInstanceOf(Admission.Admitted.class);
    }

    @Test
    void refusalsArePerLimitInTheMeters() {
        ConnectionLimiter limiter = limiter(0, 1);
        ListenerAdmission tcp = (ListenerAdmission) limiter.gate("tcp", new ListenerLimits(2, 0));
        tcp.admit(ALICE);
        tcp.admit(ALICE_AGAIN);
        tcp.admit(BOB);
        tcp.admit(new InetSocketAddress("10.0.0.3", 1));

        assertThat(tcp.refused(Limit.ADDRESS)).isEqualTo(1);
        assertThat(tcp.refused(Limit.LISTENER)).isEqualTo(1);
        assertThat(tcp.refused(Limit.BROKER)).isZero();
        assertThat(limiter.open()).isEqualTo(2);
    }
}
