package dev.tern.adapters.storage.redis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;

/**
 * A hash whose fields keep the order in which they were first put: the values live in a hash, the
 * order in a sorted set of the same fields scored 1, 2, 3... Putting an existing field replaces
 * its value in place; a field removed and put again goes last. Used for subscriptions (order first
 * subscribed) and in-flight flows (resend order [MQTT-4.4.0-1]).
 *
 * <p>A put is a Lua script, so "is it new, and if so what comes after the last" is one atomic step
 * even with several writers. Positions are doubles in Redis, exact up to 2^53 puts per client.
 *
 * <p>Threading: stateless; it makes the {@link WriteOp}s of a write and queues reads into the caller's batch.
 */
final class OrderedHash {

    /**
     * The put as a Lua function, shared by {@link #PUT} and the fenced script ({@link FencedScript}),
     * so that both order fields the same way.
     */
    static final String PUT_FUNCTION = """
            local function ordered_put(hash, order, field, value)
              if redis.call('HSET', hash, field, value) == 1 then
                local last = redis.call('ZREVRANGE', order, 0, 0, 'WITHSCORES')
                local position = 1
                if last[2] then position = tonumber(last[2]) + 1 end
                redis.call('ZADD', order, position, field)
              end
            end
            """;

    /** KEYS[1] the hash, KEYS[2] the order; ARGV[1] the field, ARGV[2] the value. */
    static final String PUT = PUT_FUNCTION + """
            ordered_put(KEYS[1], KEYS[2], ARGV[1], ARGV[2])
            return 1
            """;

    private final String hashKey;
    private final String orderKey;

    OrderedHash(String hashKey, String orderKey) {
        this.hashKey = hashKey;
        this.orderKey = orderKey;
    }

    WriteOp put(String field, byte[] value) {
        return new WriteOp.OrderedPut(hashKey, orderKey, field, value);
    }

    /** The ops removing {@code field}, added to {@code ops}. */
    void remove(List<WriteOp> ops, String field) {
        ops.add(new WriteOp.HashRemove(hashKey, field));
        ops.add(new WriteOp.SortedSetRemove(orderKey, field));
    }

    WriteOp delete() {
        return new WriteOp.Delete(List.of(hashKey, orderKey));
    }

    /** Queues the reads; the supplier gives (field, value) pairs in order once the batch has run. */
    Supplier<List<Map.Entry<String, byte[]>>> load(RBatch batch) {
        RFuture<Map<String, byte[]>> values = batch.<String, byte[]>getMap(hashKey, Codecs.TEXT_TO_BYTES)
                .readAllMapAsync();
        RFuture<Collection<String>> order = batch.<String>getScoredSortedSet(orderKey, Codecs.TEXT).readAllAsync();
        return () -> inOrder(RedisCommands.result(values), RedisCommands.result(order));
    }

    private static List<Map.Entry<String, byte[]>> inOrder(Map<String, byte[]> values, Collection<String> order) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<Map.Entry<String, byte[]>> entries = new ArrayList<>(values.size());
        for (String field : order) {
            byte[] value = values.get(field);
            if (value != null) {
                entries.add(Map.entry(field, value));
            }
        }
        return Collections.unmodifiableList(entries);
    }
}
