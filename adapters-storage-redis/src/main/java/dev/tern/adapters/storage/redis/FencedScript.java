package dev.tern.adapters.storage.redis;

import java.util.List;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;

/**
 * The writes of one client in one batch (a single store write, or all of the client's writes in
 * a group commit), as one Lua script that applies them only if this node may still write the
 * client's state, in one atomic step with the check. The rule is the two-step one of
 * {@link dev.tern.application.port.cluster.SessionOwnership}, as the owner record
 * {@code P owner:{C}} ({@link OwnerRecord}) has it:
 * {@code (node == me and epoch == mine) or (not sealed and previousNode == me and previousEpoch == mine)}.
 * Every key it touches has the client's hash tag (on one server also the index sets, which is
 * allowed there), so it runs on Redis Cluster too.
 *
 * <p>Encoding: KEYS[1] the owner record, ARGV[1] the node, ARGV[2] the epoch, then the commands
 * as {@link CommandScript} encodes them. The script returns 1 when applied, 0 when fenced out.
 *
 * <p>Threading: confined to the thread that builds and queues it.
 */
final class FencedScript {

    private static final String SCRIPT = CommandScript.APPLY_FUNCTION + OwnerRecord.MAY_WRITE_FUNCTION + """
            if not may_write(KEYS[1], ARGV[1], ARGV[2]) then
              return 0
            end
            apply(3)
            return 1
            """;

    private final String clientId;
    private final String ownerKey;
    private final long epoch;
    private final CommandScript commands;

    FencedScript(String clientId, String ownerKey, String nodeId, long epoch) {
        this.clientId = clientId;
        this.ownerKey = ownerKey;
        this.epoch = epoch;
        this.commands = new CommandScript(List.of(ownerKey),
                List.of(CommandScript.text(nodeId), CommandScript.text(Long.toString(epoch))));
    }

    void addAll(List<WriteOp> ops) {
        commands.addAll(ops);
    }

    /** A key of the client's hash slot, for routing the script in a cluster. */
    String slotKey() {
        return ownerKey;
    }

    /** Queues the script into {@code batch}; the reply is 1 when applied, 0 when fenced out. */
    RFuture<Long> queue(RBatch batch) {
        return batch.getScript(Codecs.BYTES).evalAsync(ownerKey, RScript.Mode.READ_WRITE, SCRIPT,
                RScript.ReturnType.LONG, commands.keys(), commands.args());
    }

    /**
     * Fails when the script's batch has run and the script was fenced out.
     *
     * @throws FencedWriteException naming the client and the epoch that was refused
     */
    void checkApplied(RFuture<Long> reply) {
        if (RedisCommands.result(reply) != 1L) {
            throw new FencedWriteException("Write of client " + clientId + " refused: this node's epoch " + epoch
                    + " no longer owns it (another node took the session over)");
        }
    }
}
