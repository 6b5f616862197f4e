package dev.tern.application.cluster;

import dev.tern.domain.will.Will;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sessions this node took over from another node that did not let them go: its lease had
 * passed, or it did not answer within the handover timeout (it may be dead, its lease not yet
 * passed). Once that node is known departed, these sessions are among those its drained messages
 * go to if this node adopts it ({@link #sessionsFrom}: each with the receiver's mark of when it came
 * here), and the will of a connection it held and never handled is published here ({@link
 * #takeWills}). A node that stays live was only slow: it handled the will when the repeated
 * takeover request reached it, and its entries are forgotten after a few rounds.
 *
 * <p>Threading: thread-safe; written by connects and read by adoption rounds, both on the cluster
 * executor.
 */
final class UnreleasedTakeovers {

    /** Adoption rounds a previous owner may stay live before it counts as slow rather than dying. */
    static final int LIVE_ROUNDS = 3;

    private record Taken(long mark, Will will) {
    }

    private final Map<String, Map<String, Taken>> byNode = new ConcurrentHashMap<>();
    private final Map<String, Integer> liveRounds = new ConcurrentHashMap<>();
    private volatile LongSupplier marks = () -> 0;

    /** Where the marks come from: the forward receiver's (set once, when the membership is made). */
    void markBy(LongSupplier receiverMarks) {
        this.marks = receiverMarks;
    }

    /**
     * {@code clientId}'s session came here from {@code node}, which did not release it.
     *
     * @param will the stored will of the connection {@code node} held, left to it when it was asked
     *             to let go; null if none is due
     */
    void taken(String node, String clientId, Will will) {
        byNode.computeIfAbsent(node, n -> new ConcurrentHashMap<>()).put(clientId, new Taken(marks.getAsLong(), will));
        liveRounds.remove(node);
    }

    boolean anyFrom(String node) {
        return byNode.containsKey(node);
    }

    /** The sessions taken from {@code node}, each with the mark of when it came here. */
    Map<String, Long> sessionsFrom(String node) {
        Map<String, Long> sessions = new HashMap<>();
        byNode.getOrDefault(node, Map.of()).forEach((clientId, taken) -> sessions.put(clientId, taken.mark()));
        return sessions;
    }

    /**
     * The wills due for the nodes this round found not live (each given once), by client id; the
     * entries of nodes live for {@link #LIVE_ROUNDS} rounds are forgotten.
     */
    Map<String, Will> takeWills(Set<String> liveNodes) {
        Map<String, Will> due = new HashMap<>();
        for (Map.Entry<String, Map<String, Taken>> node : byNode.entrySet()) {
            if (liveNodes.contains(node.getKey())) {
                if (liveRounds.merge(node.getKey(), 1, Integer::sum) >= LIVE_ROUNDS) {
                    forget(node.getKey());
                }
                continue;
            }
            node.getValue().replaceAll((clientId, taken) -> {
                if (taken.will() != null) {
                    due.put(clientId, taken.will());
                }
                return new Taken(taken.mark(), null);
            });
        }
        return due;
    }

    /** {@code node} was adopted (here or elsewhere): nothing more to do for it. */
    void forget(String node) {
        byNode.remove(node);
        liveRounds.remove(node);
    }

    Set<String> nodes() {
        return Set.copyOf(byNode.keySet());
    }
}
