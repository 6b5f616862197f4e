package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.RedisCommands.result;

import dev.tern.application.port.cluster.SessionOwnership;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;

/**
 * Session ownership in Redis: one {@link OwnerRecord} per client id, in the client's hash slot,
 * changed only by Lua scripts (claim, claim from, seal, release), each one atomic step. The epochs
 * this node holds go to {@link HeldEpochs}, which fences the stores' writes.
 *
 * <p>{@link #ownedBy} scans the records ({@code SCAN MATCH P owner:*} on every primary, then one
 * pipelined read of their {@code node} fields). A per-node set kept by the scripts would live in
 * another hash slot in a Redis Cluster, where a script may not touch it; the records themselves
 * can never disagree with themselves. It is called only when adopting a departed node; its cost is
 * a walk over every key, as for the start-up loads.
 *
 * <p>Threading: thread-safe; every method but {@link #forgetAll} blocks for a round trip (call it
 * on a cluster thread, never on a network I/O thread).
 */
final class RedisSessionOwnership implements SessionOwnership {

    private final RedisCommands commands;
    private final RedisKeys keys;
    private final HeldEpochs held;

    RedisSessionOwnership(RedisCommands commands, RedisKeys keys, HeldEpochs held) {
        this.commands = commands;
        this.keys = keys;
        this.held = held;
    }

    @Override
    public Claim claim(String clientId) {
        List<Object> reply = run(clientId, OwnerRecord.CLAIM, RScript.ReturnType.LIST, held.nodeId());
        Claim claim = new Claim(clientId, Long.parseLong((String) reply.get(0)), (String) reply.get(1));
        held.hold(clientId, claim.epoch());
        return claim;
    }

    @Override
    public Optional<Claim> claimFrom(String clientId, String expectedOwner) {
        List<Object> reply = run(clientId, OwnerRecord.CLAIM_FROM, RScript.ReturnType.LIST, held.nodeId(), expectedOwner);
        if (reply.isEmpty()) {
            return Optional.empty();
        }
        Claim claim = new Claim(clientId, Long.parseLong((String) reply.get(0)), expectedOwner);
        held.hold(clientId, claim.epoch());
        return Optional.of(claim);
    }

    @Override
    public boolean seal(String clientId, long epoch) {
        Long sealed = run(clientId, OwnerRecord.SEAL, RScript.ReturnType.LONG, held.nodeId(), Long.toString(epoch));
        return sealed == 1L;
    }

    @Override
    public void release(String clientId, long epoch) {
        run(clientId, OwnerRecord.RELEASE, RScript.ReturnType.LONG, held.nodeId(), Long.toString(epoch));
        held.drop(clientId, epoch);
    }

    @Override
    public void forgetAll() {
        held.dropAll();
    }

    @Override
    public Set<String> ownedBy(String nodeId) {
        Map<String, String> records = new HashMap<>();
        for (String key : commands.keysMatching(keys.scanPattern(RedisKeys.OWNER))) {
            String clientId = keys.clientIdOf(RedisKeys.OWNER, key);
            if (clientId != null) {
                records.put(clientId, key);
            }
        }
        if (records.isEmpty()) {
            return Set.of();
        }
        return commands.readManyClients(batch -> {
            Map<String, RFuture<String>> owners = new HashMap<>();
            records.forEach((clientId, key) ->
                    owners.put(clientId, batch.<String, String>getMap(key, Codecs.TEXT).getAsync(OwnerRecord.NODE)));
            return () -> {
                Set<String> owned = new HashSet<>();
                // A record released since the scan reads as null and is skipped.
                owners.forEach((clientId, owner) -> {
                    if (nodeId.equals(result(owner))) {
                        owned.add(clientId);
                    }
                });
                return Set.copyOf(owned);
            };
        });
    }

    private <T> T run(String clientId, String script, RScript.ReturnType returnType, String... args) {
        String key = keys.owner(clientId);
        return commands.writeNow(batch -> {
            RFuture<T> reply = batch.getScript(Codecs.TEXT).evalAsync(key, RScript.Mode.READ_WRITE, script, returnType,
                    List.of(key), (Object[]) args);
            return () -> result(reply);
        });
    }
}
