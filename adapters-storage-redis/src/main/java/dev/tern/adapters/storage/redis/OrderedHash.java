package dev.tern.adapters.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;

/**
 * A hash whose fields keep the order in which they were first put: the values live in a hash, the
 * order in a sorted set of the same fields scored 1, 2, 3... Putting an existing field replaces
 * its value in place; a field removed and put again goes last. Used for subscriptions (order first
 * subscribed) and in-flight flows (resend order [MQTT-4.4.0-1]).
 *
 * <p>A put is a Lua script, so "is it new, and if so what comes after the last" is one atomic step
 * even with several writers. Positions are doubles in Redis, exact up to 2^53 puts per client.
 *
 * <p>Threading: stateless; commands go into the caller's batch.
 */
final class OrderedHash {

    /** KEYS[1] the hash, KEYS[2] the order; ARGV[1] the field, ARGV[2] the value. */
    private static final String PUT = """
            if redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) == 1 then
              local last = redis.call('ZREVRANGE', KEYS[2], 0, 0, 'WITHSCORES')
              local position = 1
              if last[2] then position = tonumber(last[2]) + 1 end
              redis.call('ZADD', KEYS[2], position, ARGV[1])
            end
            return 1
            """;

    private final String hashKey;
    private final String orderKey;

    OrderedHash(String hashKey, String orderKey) {
        this.hashKey = hashKey;
        this.orderKey = orderKey;
    }

    void put(RBatch batch, String field, byte[] value) {
        batch.getScript(Codecs.BYTES).evalAsync(hashKey, RScript.Mode.READ_WRITE, PUT, RScript.ReturnType.LONG,
                List.of(hashKey, orderKey), field.getBytes(StandardCharsets.UTF_8), value);
    }

    void remove(RBatch batch, String field) {
        batch.getMap(hashKey, Codecs.TEXT_TO_BYTES).fastRemoveAsync(field);
        batch.getScoredSortedSet(orderKey, Codecs.TEXT).removeAsync(field);
    }

    void delete(RBatch batch) {
        batch.getKeys().deleteAsync(hashKey, orderKey);
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
