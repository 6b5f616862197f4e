package dev.tern.adapters.storage.redis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RBatch;
import org.redisson.api.RScript;

/**
 * The unfenced writes of one group commit as scripts of commands ({@link CommandScript}), queued
 * into the commit's batches just before it is sent: on one server (or a Sentinel-managed primary)
 * one script for the whole commit, in a Redis Cluster one per hash slot, since a script may only
 * touch keys of one slot there. A script runs atomically, and in the order its writes were made.
 *
 * <p>Threading: confined to the thread running the group commit.
 */
final class ScriptedWrites {

    private static final String SCRIPT = CommandScript.APPLY_FUNCTION + """
            apply(1)
            return 1
            """;
    private static final int ONE_SERVER = -1;

    private final boolean cluster;
    private final Map<Integer, Script> bySlot = new LinkedHashMap<>();

    /** A script and a key of its slot, for routing it. */
    private record Script(String slotKey, CommandScript commands) {
    }

    /** @param cluster whether the commit goes to a Redis Cluster (one script per slot) */
    ScriptedWrites(boolean cluster) {
        this.cluster = cluster;
    }

    /** Appends {@code ops}, which touch only keys of the hash slot of {@code slotKey}. */
    void add(String slotKey, List<WriteOp> ops) {
        int slot = cluster ? HashSlot.of(slotKey) : ONE_SERVER;
        Script script = bySlot.get(slot);
        if (script == null) {
            script = new Script(slotKey, new CommandScript(List.of(), List.of()));
            bySlot.put(slot, script);
        }
        script.commands().addAll(ops);
    }

    /** Queues every script into the batch of its slot. */
    void queueInto(PendingWrites pending) {
        for (Script script : bySlot.values()) {
            if (!script.commands().isEmpty()) {
                queue(script, pending.batchFor(script.slotKey()));
            }
        }
    }

    private static void queue(Script script, RBatch batch) {
        batch.getScript(Codecs.BYTES).evalAsync(script.slotKey(), RScript.Mode.READ_WRITE, SCRIPT,
                RScript.ReturnType.LONG, script.commands().keys(), script.commands().args());
    }
}
