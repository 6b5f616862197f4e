package dev.tern.adapters.storage.redis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RFuture;

/**
 * The fenced writes of one group commit: one {@link FencedScript} per client, gathering all of
 * the client's writes in the order made, queued into the client's slot batch just before the
 * commit is sent, and checked once it has run.
 *
 * <p>Threading: confined to the thread running the group commit.
 */
final class FencedWrites {

    private final HeldEpochs epochs;
    private final Map<String, FencedScript> byClient = new LinkedHashMap<>();
    private final List<Queued> queued = new ArrayList<>();

    private record Queued(FencedScript script, RFuture<Long> reply) {
    }

    FencedWrites(HeldEpochs epochs) {
        this.epochs = epochs;
    }

    /**
     * Adds {@code ops} to the client's script, which carries the epoch held at its first write in
     * this commit.
     *
     * @throws FencedWriteException when this node holds no epoch for the client
     */
    void add(String clientId, List<WriteOp> ops) {
        FencedScript script = byClient.get(clientId);
        if (script == null) {
            script = epochs.scriptFor(clientId);
            byClient.put(clientId, script);
        }
        script.addAll(ops);
    }

    /** Queues every client's script into the batch of its slot. */
    void queueInto(PendingWrites pending) {
        byClient.values().forEach(script -> queued.add(new Queued(script, script.queue(pending.batchFor(script.slotKey())))));
    }

    /**
     * After the commit ran: fails if any client's script was fenced out (the other clients'
     * scripts, and the unfenced writes, were applied).
     */
    void checkApplied() {
        queued.forEach(q -> q.script().checkApplied(q.reply()));
    }
}
