package dev.tern.application.cluster;

import dev.tern.application.port.cluster.ForwardedMessage;
import dev.tern.application.port.out.TaskExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The new owner's side of a session's move from another node (docs/cluster.md, 3.4): the messages
 * the old owner relays for the session ({@link ForwardedMessage#isRelayed}) wait here while the
 * session is still being taken over, and once it is loaded go to that session only, each once:
 * not if the session got the same forward id directly (this node saw the id after the session's
 * mark), and a direct copy that comes after its relayed one skips the session
 * ({@link #notRelayedYet}).
 *
 * <p>Threading: thread-safe. {@link #arriving}, {@link #arrived} and {@link #abandoned} run on the
 * cluster executor, {@link #relayed} and {@link #notRelayedYet} on the backend's receiving threads.
 * One monitor orders a relayed copy's decision against a direct copy's, so that a session gets
 * exactly one of them; it is taken only while a session is arriving or in its relay window.
 * Parked messages are handed on under it, in the order they came (the receiver does not block).
 */
final class HandoverArrivals {

    private static final Logger LOG = LoggerFactory.getLogger(HandoverArrivals.class);

    private final TaskExecutor clusterExecutor;
    private final long keepMillis;
    /** Guarded by this. */
    private final Map<String, Arrival> arrivals = new HashMap<>();
    /** Guarded by this: forward id and client id of each copy relayed to a session here ({@link #key}). */
    private final Set<String> relayed = new HashSet<>();
    private volatile int open;
    private volatile DrainTarget target;

    private record Parked(ForwardedMessage message, Runnable settled) {
    }

    /** One session coming here. */
    private static final class Arrival {
        /** The receiver's mark once the session's subscriptions are in the index; -1 until then. */
        long mark = -1;
        final List<Parked> parked = new ArrayList<>();
        /** The {@link #key}s relayed to it. */
        final List<String> ids = new ArrayList<>();
    }

    /** @param keep how long after its arrival a session takes relays: longer than the old owner's relay window */
    HandoverArrivals(TaskExecutor clusterExecutor, Duration keep) {
        this.clusterExecutor = clusterExecutor;
        this.keepMillis = keep.toMillis();
    }

    /** Where relays go, and the marks come from: the forward receiver (set once, when the membership is made). */
    void deliverBy(DrainTarget receiver) {
        this.target = receiver;
    }

    /** A connect here claimed {@code clientId} from a live node, which may relay messages for it from now on. */
    synchronized void arriving(String clientId) {
        forget(clientId, arrivals.get(clientId));
        arrivals.put(clientId, new Arrival());
        open = arrivals.size();
    }

    /** {@code clientId}'s session is here, its subscriptions in the index: what was relayed meanwhile goes to it. */
    synchronized void arrived(String clientId) {
        Arrival arrival = arrivals.get(clientId);
        DrainTarget receiver = target;
        if (arrival == null || receiver == null || arrival.mark >= 0) {
            return;
        }
        arrival.mark = receiver.mark();
        arrival.parked.forEach(p -> decide(receiver, clientId, arrival, p.message(), p.settled()));
        arrival.parked.clear();
        clusterExecutor.schedule(() -> forgetLater(clientId, arrival), keepMillis);
    }

    /** The connect of {@code clientId} failed or lost to a later claim: what was relayed for it has no session here. */
    synchronized void abandoned(String clientId) {
        Arrival arrival = arrivals.get(clientId);
        if (arrival == null || arrival.mark >= 0) {
            return;
        }
        if (!arrival.parked.isEmpty()) {
            LOG.warn("{}: {} messages relayed by its previous node dropped: the session did not come here",
                    clientId, arrival.parked.size());
        }
        arrival.parked.forEach(p -> p.settled().run());
        forget(clientId, arrival);
    }

    /** A message the old owner relayed for a session it handed over to this node. */
    synchronized void relayed(ForwardedMessage message, Runnable settled) {
        String clientId = message.handedOver();
        Arrival arrival = arrivals.get(clientId);
        DrainTarget receiver = target;
        if (arrival == null || receiver == null) {
            // No takeover of it here (any more): the session went elsewhere, or long ago.
            settled.run();
        } else if (arrival.mark < 0) {
            arrival.parked.add(new Parked(message, settled));
        } else {
            decide(receiver, clientId, arrival, message, settled);
        }
    }

    /**
     * For a message forwarded here directly: which sessions may take it, or null for every one (no
     * session is arriving). A session that got its id relayed already is left out. Call it before
     * the message's id is first seen here.
     */
    Predicate<String> notRelayedYet(String id) {
        if (open == 0) {
            return null;
        }
        return clientId -> {
            synchronized (this) {
                return !relayed.contains(key(id, clientId));
            }
        };
    }

    /** Under the monitor: the session takes the relayed copy unless it got the id directly since it came. */
    private void decide(DrainTarget receiver, String clientId, Arrival arrival, ForwardedMessage message,
            Runnable settled) {
        String id = message.id();
        long sight = receiver.sightOf(id);
        String key = key(id, clientId);
        if (relayed.contains(key) || sight >= arrival.mark) {
            settled.run();
            return;
        }
        relayed.add(key);
        arrival.ids.add(key);
        // Decided here: the drain path's own check must not skip it if a direct copy is seen meanwhile.
        receiver.drainingFor(Map.of(clientId, Long.MAX_VALUE), new DrainTarget.Counts())
                .message(new ForwardedMessage(id, message.message(), true, Set.of()), settled);
    }

    private static String key(String id, String clientId) {
        return id + '\u0000' + clientId;
    }

    private synchronized void forgetLater(String clientId, Arrival arrival) {
        forget(clientId, arrival);
    }

    private void forget(String clientId, Arrival arrival) {
        if (arrival == null || !arrivals.remove(clientId, arrival)) {
            return;
        }
        arrival.ids.forEach(relayed::remove);
        open = arrivals.size();
    }
}
