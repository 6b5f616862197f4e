package dev.tern.adapters.storage.redis;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The index in a Redis Cluster: no index key at all. A client is listed while a key of one kind
 * of its own exists ({@code session:{C}}, {@code subs:{C}}), found by SCAN on every primary. The
 * key is written and deleted in the client's own MULTI/EXEC, in the client's hash slot, so the
 * index can never be out of step with the client's keys, whatever crashes between the
 * transactions of different slots.
 *
 * <p>SCAN walks every key of every primary (cost in proportion to all keys, not to the matches),
 * once per load at start-up. It may miss keys moving between primaries while the cluster is being
 * resharded, so a broker should not start during a resharding.
 *
 * <p>Threading: thread-safe.
 */
final class ScannedClientIndex implements ClientIndex {

    private final RedisCommands commands;
    private final RedisKeys keys;
    private final String kind;

    /** @param kind the kind of key whose existence lists a client, e.g. {@link RedisKeys#SESSION} */
    ScannedClientIndex(RedisCommands commands, RedisKeys keys, String kind) {
        this.commands = commands;
        this.keys = keys;
        this.kind = kind;
    }

    @Override
    public void add(List<WriteOp> ops, String clientId) {
        // The client's own key, written in the same batch, is its entry.
    }

    @Override
    public void remove(List<WriteOp> ops, String clientId) {
        // Deleting the client's own key, in the same batch, removes its entry.
    }

    @Override
    public Set<String> clientIds() {
        Set<String> clientIds = new HashSet<>();
        for (String key : commands.keysMatching(keys.scanPattern(kind))) {
            String clientId = keys.clientIdOf(kind, key);
            if (clientId != null) {
                clientIds.add(clientId);
            }
        }
        return clientIds;
    }
}
