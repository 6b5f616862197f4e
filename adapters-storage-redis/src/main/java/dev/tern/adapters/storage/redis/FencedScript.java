package dev.tern.adapters.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * <p>Encoding: KEYS[1] the owner record, then every key the commands touch; ARGV[1] the node,
 * ARGV[2] the epoch, then per command its name, its key count, its argument count, the indexes of
 * its keys in KEYS, and its arguments. The script returns 1 when applied, 0 when fenced out.
 *
 * <p>Threading: confined to the thread that builds and queues it.
 */
final class FencedScript implements CommandSink {

    private static final String SCRIPT = OrderedHash.PUT_FUNCTION + OwnerRecord.MAY_WRITE_FUNCTION + """
            if not may_write(KEYS[1], ARGV[1], ARGV[2]) then
              return 0
            end
            local i = 3
            while i <= #ARGV do
              local name = ARGV[i]
              local keyCount = tonumber(ARGV[i + 1])
              local argCount = tonumber(ARGV[i + 2])
              i = i + 3
              local command = {}
              for k = 1, keyCount do
                command[k] = KEYS[tonumber(ARGV[i])]
                i = i + 1
              end
              for a = 1, argCount do
                command[keyCount + a] = ARGV[i]
                i = i + 1
              end
              if name == 'ORDERED_PUT' then
                ordered_put(command[1], command[2], command[3], command[4])
              else
                redis.call(name, unpack(command))
              end
            end
            return 1
            """;

    private final String clientId;
    private final String ownerKey;
    private final long epoch;
    private final Map<String, Integer> keyIndexes = new LinkedHashMap<>();
    private final List<byte[]> args = new ArrayList<>();

    FencedScript(String clientId, String ownerKey, String nodeId, long epoch) {
        this.clientId = clientId;
        this.ownerKey = ownerKey;
        this.epoch = epoch;
        keyIndexes.put(ownerKey, 1);
        args.add(text(nodeId));
        args.add(text(Long.toString(epoch)));
    }

    @Override
    public void add(String name, List<String> keys, byte[]... arguments) {
        args.add(text(name));
        args.add(text(Integer.toString(keys.size())));
        args.add(text(Integer.toString(arguments.length)));
        for (String key : keys) {
            int index = keyIndexes.computeIfAbsent(key, k -> keyIndexes.size() + 1);
            args.add(text(Integer.toString(index)));
        }
        args.addAll(List.of(arguments));
    }

    void addAll(List<WriteOp> ops) {
        for (WriteOp op : ops) {
            op.into(this);
        }
    }

    /** A key of the client's hash slot, for routing the script in a cluster. */
    String slotKey() {
        return ownerKey;
    }

    /** Queues the script into {@code batch}; the reply is 1 when applied, 0 when fenced out. */
    RFuture<Long> queue(RBatch batch) {
        return batch.getScript(Codecs.BYTES).evalAsync(ownerKey, RScript.Mode.READ_WRITE, SCRIPT,
                RScript.ReturnType.LONG, new ArrayList<>(keyIndexes.keySet()), args.toArray());
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

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
