package dev.tern.adapters.storage.redis;

/**
 * The ownership record of one client id, {@code P owner:{C}}: a hash in the client's own hash slot
 * (same tag as its session keys), so that one Lua script can check it and write the client's state
 * atomically, also on Redis Cluster. Fields, all decimal or plain text:
 * <ul>
 * <li>{@code node}, {@code epoch}: the owner and the epoch of its claim;</li>
 * <li>{@code sealed}: {@code 1} once the owner sealed, {@code 0} before;</li>
 * <li>{@code previousNode}, {@code previousEpoch}: the owner before the claim, whose writes are
 *     accepted until the seal ({@code ""} and {@code 0} when none, or once sealed).</li>
 * </ul>
 *
 * <p>Epochs: {@code max(epoch in the record + 1, Redis TIME in microseconds)}, computed in the
 * claim script. Within a record's life they grow by at least one per claim; a released record is
 * deleted (nothing is left behind per client id), and the next claim starts from Redis' clock,
 * which is past every epoch given before unless the Redis server's clock steps back by more than
 * the time between a release and the next claim. Fencing compares node and epoch together, so even
 * then only a node that held the very same epoch could write. The clock is the one of the primary
 * holding the client's slot; microseconds since 1970 stay below 2^53, exact in Lua's numbers.
 * Redis 5 or later (effects replication of a script calling {@code TIME}).
 *
 * <p>Threading: constants only.
 */
final class OwnerRecord {

    /** {@code may_write(owner_key, node, epoch)}: the fencing rule, for the fenced store scripts. */
    static final String MAY_WRITE_FUNCTION = """
            local function may_write(owner_key, node, epoch)
              local o = redis.call('HMGET', owner_key, 'node', 'epoch', 'sealed', 'previousNode', 'previousEpoch')
              if o[1] == node and o[2] == epoch then return true end
              return o[3] == '0' and o[4] == node and o[5] == epoch
            end
            """;

    private static final String NEXT_EPOCH_FUNCTION = """
            local function next_epoch(owner_key)
              local time = redis.call('TIME')
              local epoch = tonumber(time[1]) * 1000000 + tonumber(time[2])
              local last = tonumber(redis.call('HGET', owner_key, 'epoch') or '0')
              if last >= epoch then epoch = last + 1 end
              return string.format('%.0f', epoch)
            end
            """;

    /** KEYS[1] the record; ARGV[1] this node. Returns {epoch, previous owner or ""}. */
    static final String CLAIM = NEXT_EPOCH_FUNCTION + """
            local old = redis.call('HMGET', KEYS[1], 'node', 'epoch')
            local epoch = next_epoch(KEYS[1])
            local previous = old[1] or ''
            redis.call('HSET', KEYS[1], 'node', ARGV[1], 'epoch', epoch, 'sealed', '0',
                'previousNode', previous, 'previousEpoch', old[2] or '0')
            return {epoch, previous}
            """;

    /** KEYS[1] the record; ARGV[1] this node, ARGV[2] the expected owner. Returns {epoch, previous} or {}. */
    static final String CLAIM_FROM = NEXT_EPOCH_FUNCTION + """
            if redis.call('HGET', KEYS[1], 'node') ~= ARGV[2] then return {} end
            local epoch = next_epoch(KEYS[1])
            redis.call('HSET', KEYS[1], 'node', ARGV[1], 'epoch', epoch, 'sealed', '1',
                'previousNode', '', 'previousEpoch', '0')
            return {epoch, ARGV[2]}
            """;

    /** KEYS[1] the record; ARGV[1] this node, ARGV[2] its epoch. Returns 1 if sealed, 0 if not the owner's. */
    static final String SEAL = """
            local o = redis.call('HMGET', KEYS[1], 'node', 'epoch')
            if o[1] ~= ARGV[1] or o[2] ~= ARGV[2] then return 0 end
            redis.call('HSET', KEYS[1], 'sealed', '1', 'previousNode', '', 'previousEpoch', '0')
            return 1
            """;

    /** KEYS[1] the record; ARGV[1] this node, ARGV[2] its epoch. Deletes it if still the owner's; returns 1 then. */
    static final String RELEASE = """
            local o = redis.call('HMGET', KEYS[1], 'node', 'epoch')
            if o[1] ~= ARGV[1] or o[2] ~= ARGV[2] then return 0 end
            redis.call('DEL', KEYS[1])
            return 1
            """;

    /** The field naming the owner, for {@code ownedBy}. */
    static final String NODE = "node";

    private OwnerRecord() {
    }
}
