package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.RedisCommands.result;

import dev.tern.application.port.cluster.NodeLeases;
import java.util.List;
import java.util.Set;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;

/**
 * Node leases in Redis: a key per node, {@code P cluster:{nodes}:lease:N}, that expires by itself
 * ({@code PX}, on Redis' clock) unless renewed, and the set {@code P cluster:{nodes}:members} of the
 * nodes that joined and were not yet adopted. A departed node is a member without a lease. All of
 * them share the hash tag {@code nodes}, so each method is one Lua script, atomic, also on Redis
 * Cluster (where membership lives on one primary: a few keys, changed a few times a second).
 *
 * <p>Threading: thread-safe; each method blocks for one round trip (call it on a cluster thread).
 */
final class RedisNodeLeases implements NodeLeases {

    /** KEYS[1] the lease, KEYS[2] the members; ARGV[1] node, ARGV[2] lease millis, ARGV[3] 1 on the first call. */
    private static final String RENEW = """
            local kept = redis.call('EXISTS', KEYS[1]) == 1 or redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1
            redis.call('SET', KEYS[1], '1', 'PX', ARGV[2])
            redis.call('SADD', KEYS[2], ARGV[1])
            if kept or ARGV[3] == '1' then return 1 end
            return 0
            """;

    /**
     * KEYS[1] the members; ARGV[1] the lease key prefix, ARGV[2] 1 for the live nodes, 0 for the
     * departed ones. The lease keys are not declared, but share the members' hash slot.
     */
    private static final String NODES = """
            local result = {}
            for _, node in ipairs(redis.call('SMEMBERS', KEYS[1])) do
              local live = redis.call('EXISTS', ARGV[1] .. node) == 1
              if live == (ARGV[2] == '1') then table.insert(result, node) end
            end
            return result
            """;

    /** KEYS[1] the departed node's lease, KEYS[2] the members; ARGV[1] the node. */
    private static final String CLAIM_DEPARTED = """
            if redis.call('SISMEMBER', KEYS[2], ARGV[1]) == 1 and redis.call('EXISTS', KEYS[1]) == 0 then
              redis.call('SREM', KEYS[2], ARGV[1])
              return 1
            end
            return 0
            """;

    private final RedisCommands commands;
    private final RedisKeys keys;
    private final String nodeId;
    private final long leaseMillis;
    private final String members;
    private boolean joined;

    RedisNodeLeases(RedisCommands commands, RedisKeys keys, String nodeId, long leaseMillis) {
        this.commands = commands;
        this.keys = keys;
        this.nodeId = nodeId;
        this.leaseMillis = leaseMillis;
        this.members = keys.membership("members");
    }

    /**
     * The first successful call on this instance joins (true even if an earlier run's lease passed).
     * Every call takes the lease and membership again, so after a false (lease passed, or adopted)
     * the node is a live member again and the next call is true, as the in-memory stand-in does.
     */
    @Override
    public synchronized boolean renew() {
        Long kept = run(RENEW, RScript.ReturnType.LONG, List.of(lease(nodeId), members),
                nodeId, Long.toString(leaseMillis), joined ? "0" : "1");
        joined = true;
        return kept == 1L;
    }

    @Override
    public Set<String> liveNodes() {
        return nodes(true);
    }

    @Override
    public Set<String> departedNodes() {
        return nodes(false);
    }

    @Override
    public boolean claimDeparted(String departed) {
        Long claimed = run(CLAIM_DEPARTED, RScript.ReturnType.LONG, List.of(lease(departed), members), departed);
        return claimed == 1L;
    }

    @Override
    public void leave() {
        String lease = lease(nodeId);
        commands.writeNow(batch -> {
            RFuture<Long> deleted = batch.getKeys().deleteAsync(lease);
            return () -> result(deleted);
        });
    }

    private Set<String> nodes(boolean live) {
        List<Object> nodes = run(NODES, RScript.ReturnType.LIST, List.of(members), lease(""), live ? "1" : "0");
        return Set.copyOf(nodes.stream().map(String.class::cast).toList());
    }

    private String lease(String node) {
        return keys.membership("lease:" + node);
    }

    private <T> T run(String script, RScript.ReturnType returnType, List<Object> scriptKeys, String... args) {
        return commands.writeNow(batch -> {
            RFuture<T> reply = batch.getScript(Codecs.TEXT).evalAsync(members, RScript.Mode.READ_WRITE, script,
                    returnType, scriptKeys, (Object[]) args);
            return () -> result(reply);
        });
    }
}
