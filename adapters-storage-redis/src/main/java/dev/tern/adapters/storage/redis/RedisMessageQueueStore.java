package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.RedisCommands.result;

import dev.tern.application.port.out.MessageQueueStore;
import dev.tern.application.port.out.StoredDelivery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;

/**
 * Each session's queue is one hash, {@code queue:{C}}: sequence number (decimal) to delivery.
 * Appending an existing sequence replaces it. {@link #load} sorts by the parsed number, which is
 * exact over the whole range of long; a sorted set would score with doubles, which are not exact
 * beyond 2^53, and the port always loads a whole queue, so no server-side order is needed.
 *
 * <p>Threading: thread-safe.
 */
final class RedisMessageQueueStore implements MessageQueueStore {

    private final RedisCommands commands;
    private final RedisKeys keys;

    RedisMessageQueueStore(RedisCommands commands, RedisKeys keys) {
        this.commands = commands;
        this.keys = keys;
    }

    @Override
    public void append(String clientId, StoredDelivery delivery) {
        String key = keys.queue(clientId);
        byte[] value = StoredValues.delivery(delivery.delivery());
        String field = Long.toString(delivery.sequence());
        commands.writeClient(clientId, key, List.of(new WriteOp.HashPut(key, field, value)));
    }

    @Override
    public void remove(String clientId, long sequence) {
        String key = keys.queue(clientId);
        commands.writeClient(clientId, key, List.of(new WriteOp.HashRemove(key, Long.toString(sequence))));
    }

    @Override
    public List<StoredDelivery> load(String clientId) {
        String key = keys.queue(clientId);
        return commands.read(batch -> {
            RFuture<Map<String, byte[]>> reply = readAll(batch, key);
            return () -> queue(key, result(reply));
        });
    }

    /**
     * Every queue in one pipelined batch (at start-up, for thousands of sessions), instead of one
     * round trip per client; in a cluster the batch goes to every primary concerned, each queue
     * read atomically on its own. Clients with nothing queued are left out.
     */
    @Override
    public Map<String, List<StoredDelivery>> loadAll(Collection<String> clientIds) {
        if (clientIds.isEmpty()) {
            return Map.of();
        }
        return commands.readManyClients(batch -> {
            Map<String, RFuture<Map<String, byte[]>>> replies = new LinkedHashMap<>();
            for (String clientId : clientIds) {
                replies.put(clientId, readAll(batch, keys.queue(clientId)));
            }
            return () -> {
                Map<String, List<StoredDelivery>> queues = new HashMap<>();
                replies.forEach((clientId, reply) -> {
                    List<StoredDelivery> queue = queue(keys.queue(clientId), result(reply));
                    if (!queue.isEmpty()) {
                        queues.put(clientId, queue);
                    }
                });
                return queues;
            };
        });
    }

    private static RFuture<Map<String, byte[]>> readAll(RBatch batch, String key) {
        return batch.<String, byte[]>getMap(key, Codecs.TEXT_TO_BYTES).readAllMapAsync();
    }

    private static List<StoredDelivery> queue(String key, Map<String, byte[]> all) {
        List<StoredDelivery> queue = new ArrayList<>(all.size());
        all.forEach((field, value) ->
                queue.add(new StoredDelivery(sequence(key, field), StoredValues.delivery(value, key + " " + field))));
        queue.sort(Comparator.comparingLong(StoredDelivery::sequence));
        return Collections.unmodifiableList(queue);
    }

    private static long sequence(String key, String field) {
        try {
            return Long.parseLong(field);
        } catch (NumberFormatException e) {
            throw new CorruptValueException(key, "field " + field + " is not a sequence number");
        }
    }
}
