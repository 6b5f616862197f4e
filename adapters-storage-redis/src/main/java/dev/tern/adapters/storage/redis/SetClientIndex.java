package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.RedisCommands.result;

import java.util.List;
import java.util.Set;
import org.redisson.api.RFuture;

/**
 * The index of one server or a Sentinel-managed primary: a set of client ids ({@code sessions},
 * {@code subscribers}) changed in the same MULTI/EXEC as the client's keys, so that the set and
 * the keys never disagree (also in a node of a cluster of Tern nodes, where the change is part of the
 * client's fenced script: one server has no slots to keep to). Not for a Redis Cluster: the set
 * has a hash slot of its own.
 *
 * <p>Threading: thread-safe.
 */
final class SetClientIndex implements ClientIndex {

    private final RedisCommands commands;
    private final String key;

    SetClientIndex(RedisCommands commands, String key) {
        this.commands = commands;
        this.key = key;
    }

    @Override
    public void add(List<WriteOp> ops, String clientId) {
        ops.add(new WriteOp.SetAdd(key, clientId));
    }

    @Override
    public void remove(List<WriteOp> ops, String clientId) {
        ops.add(new WriteOp.SetRemove(key, clientId));
    }

    @Override
    public Set<String> clientIds() {
        return commands.read(batch -> {
            RFuture<Set<String>> members = batch.<String>getSet(key, Codecs.TEXT).readAllAsync();
            return () -> result(members);
        });
    }
}
