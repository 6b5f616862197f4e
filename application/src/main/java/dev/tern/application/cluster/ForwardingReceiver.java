package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ClusterSignal;
import dev.tern.application.port.cluster.ForwardReceiver;
import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.domain.message.ApplicationMessage;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What this node receives from the others, handed to the part that deals with it: forwarded
 * messages to {@link ForwardedDelivery}, retained changes and resyncs to {@link RetainedSync},
 * signals (session takeover) to {@code signals}, and a resync also to {@code alsoOnResync}. Around
 * a session's move between nodes (docs/cluster.md, 3.4): a message relayed for a session handed over
 * to this node goes to {@link HandoverArrivals}; one that matches a session this node handed over
 * moments ago is also relayed to its new owner ({@link HandoverRelay}) before it is settled here.
 *
 * <p>Threading: called on the backend's threads; nothing here blocks.
 */
public final class ForwardingReceiver implements ForwardReceiver, DrainTarget {

    private final ForwardedDelivery delivery;
    private final RetainedSync retained;
    private final Consumer<ClusterSignal> signals;
    private final Runnable alsoOnResync;
    private final HandoverRelay relay;
    private final HandoverArrivals arrivals;

    /**
     * @param handovers the session side's relay and arrivals ({@code ClusterSessions#handovers})
     */
    public ForwardingReceiver(ForwardedDelivery delivery, RetainedSync retained, Consumer<ClusterSignal> signals,
            Runnable alsoOnResync, ClusterSessions.Handovers handovers) {
        this.delivery = delivery;
        this.retained = retained;
        this.signals = signals;
        this.alsoOnResync = alsoOnResync;
        this.relay = handovers.relay();
        this.arrivals = handovers.arrivals();
    }

    @Override
    public void message(ForwardedMessage message, Runnable settled) {
        if (message.isRelayed()) {
            arrivals.relayed(message, settled);
            return;
        }
        delivery.receive(message, arrivals.notRelayedYet(message.id()), relay, settled);
    }

    /**
     * Where a departed node's drained messages go: to the sessions of {@code held} only (client id
     * to the {@link #mark} taken when the session came here), not to this node's other subscribers.
     */
    @Override
    public ForwardReceiver drainingFor(Map<String, Long> held, DrainTarget.Counts counts) {
        Map<String, Long> sessions = Map.copyOf(held);
        ForwardingReceiver all = this;
        return new ForwardReceiver() {
            @Override
            public void message(ForwardedMessage message, Runnable settled) {
                if (message.isRelayed()) {
                    // Relayed to the departed node for one session it had just taken over: that session only.
                    Long since = sessions.get(message.handedOver());
                    Map<String, Long> only = since == null ? Map.of() : Map.of(message.handedOver(), since);
                    ForwardedMessage plain = new ForwardedMessage(message.id(), message.message(), true, Set.of());
                    counts.drained(delivery.receiveDrained(plain, only, counts::heldAlready, settled));
                    return;
                }
                counts.drained(delivery.receiveDrained(message, sessions, counts::heldAlready, settled));
            }

            @Override
            public void retained(ApplicationMessage message) {
                all.retained(message);
            }

            @Override
            public void signal(ClusterSignal signal) {
                all.signal(signal);
            }

            @Override
            public void resync() {
                all.resync();
            }
        };
    }

    @Override
    public long mark() {
        return delivery.mark();
    }

    @Override
    public long sightOf(String id) {
        return delivery.sightOf(id);
    }

    @Override
    public void retained(ApplicationMessage message) {
        retained.apply(message);
    }

    @Override
    public void signal(ClusterSignal signal) {
        signals.accept(signal);
    }

    @Override
    public void resync() {
        retained.reload();
        alsoOnResync.run();
    }
}
