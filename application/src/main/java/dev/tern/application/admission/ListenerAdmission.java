package dev.tern.application.admission;

import dev.tern.application.port.in.Admission;
import dev.tern.application.port.in.Admission.Limit;
import dev.tern.application.port.in.ConnectionSlot;
import dev.tern.application.port.in.ListenerGate;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One listener's gate: its own count and maximum, the broker's shared counts, and its accept rate.
 * Checks go broker, listener, address; a place taken before a later check refuses is given back,
 * so a refused connection leaves every count as it found it.
 *
 * <p>Threading: thread-safe; called on the transport's accepting threads, slots released on any.
 */
final class ListenerAdmission implements ListenerGate {

    private final String listenerName;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final ConnectionLimiter broker;
    private final AcceptRate rate;
    private final AdmissionMeters meters;
    private final RefusalLog log;

    /** @param rate null when the listener has no accept rate */
    ListenerAdmission(String listenerName, int maxConnections, ConnectionLimiter broker, AcceptRate rate,
            AdmissionMeters meters, RefusalLog log) {
        this.listenerName = listenerName;
        this.maxConnections = maxConnections;
        this.broker = broker;
        this.rate = rate;
        this.meters = meters;
        this.log = log;
        meters.openGauge(open);
    }

    @Override
    public Admission admit(SocketAddress remote) {
        if (!broker.takeBrokerPlace()) {
            return refuse(Limit.BROKER, remote, broker.maxConnections());
        }
        if (!Counts.tryIncrement(open, maxConnections)) {
            broker.releaseBrokerPlace();
            return refuse(Limit.LISTENER, remote, maxConnections);
        }
        AddressCounts perAddress = broker.perAddress();
        InetAddress address = perAddress.limited() && remote instanceof InetSocketAddress inet
                ? inet.getAddress() : null;
        if (address != null && !perAddress.tryTake(address)) {
            open.decrementAndGet();
            broker.releaseBrokerPlace();
            return refuse(Limit.ADDRESS, remote, perAddress.max());
        }
        return new Admission.Admitted(new Slot(address));
    }

    @Override
    public long acceptPauseNanos() {
        if (rate == null) {
            return 0;
        }
        long pause = rate.accepted();
        if (pause > 0) {
            meters.paused();
            log.paused(pause);
        }
        return pause;
    }

    private Admission refuse(Limit limit, SocketAddress remote, int max) {
        meters.refused(limit);
        log.refused(limit, remote, max);
        return new Admission.Refused(limit);
    }

    /** Connections refused so far by {@code limit}: for tests. */
    long refused(Limit limit) {
        return meters.refusedCount(limit);
    }

    @Override
    public String toString() {
        return "ListenerAdmission[" + listenerName + ", open " + open.get() + "]";
    }

    /** Gives back the places the connection took, once. */
    private final class Slot extends AtomicBoolean implements ConnectionSlot {

        private final InetAddress address;

        Slot(InetAddress address) {
            this.address = address;
        }

        @Override
        public void release() {
            if (!compareAndSet(false, true)) {
                return;
            }
            if (address != null) {
                broker.perAddress().release(address);
            }
            open.decrementAndGet();
            broker.releaseBrokerPlace();
        }
    }
}
