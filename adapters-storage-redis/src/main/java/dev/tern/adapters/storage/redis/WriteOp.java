package dev.tern.adapters.storage.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.redisson.api.RBatch;
import org.redisson.api.RListAsync;
import org.redisson.api.RScript;

/**
 * One command of a store write, in the two forms the write can take: queued into a Redisson
 * MULTI/EXEC batch, or added to a {@link CommandSink} as a plain command: the client's
 * {@link FencedScript}, which applies it only if this node's ownership epoch still allows it, or
 * a group commit's {@link RespBatch}. Each kind is written once here, so the forms cannot drift
 * apart.
 *
 * <p>Threading: immutable values (the byte arrays are not copied: a store hands over arrays it
 * made and never touches again).
 */
sealed interface WriteOp {

    /** Queues the command into {@code batch}, unfenced. */
    void into(RBatch batch);

    /** Appends the command to a client's fenced script, or to a group commit sent straight to Redis. */
    void into(CommandSink script);

    /** {@code DEL keys...} */
    record Delete(List<String> keys) implements WriteOp {
        public Delete {
            keys = List.copyOf(keys);
        }

        @Override
        public void into(RBatch batch) {
            batch.getKeys().deleteAsync(keys.toArray(String[]::new));
        }

        @Override
        public void into(CommandSink script) {
            script.add("DEL", keys);
        }
    }

    /** {@code HSET key field value} */
    record HashPut(String key, String field, byte[] value) implements WriteOp {
        public HashPut {
            if (key == null || field == null || value == null) {
                throw new IllegalArgumentException("hash put needs a key, a field and a value");
            }
        }

        @Override
        public void into(RBatch batch) {
            batch.<String, byte[]>getMap(key, Codecs.TEXT_TO_BYTES).fastPutAsync(field, value);
        }

        @Override
        public void into(CommandSink script) {
            script.add("HSET", List.of(key), text(field), value);
        }
    }

    /** {@code HSET key field value [field value ...]}: several fields at once. */
    record HashPutAll(String key, Map<String, byte[]> fields) implements WriteOp {
        public HashPutAll {
            if (key == null || fields == null || fields.isEmpty()) {
                throw new IllegalArgumentException("hash put needs a key and fields");
            }
            fields = Map.copyOf(fields);
        }

        @Override
        public void into(RBatch batch) {
            batch.<String, byte[]>getMap(key, Codecs.TEXT_TO_BYTES).putAllAsync(fields);
        }

        @Override
        public void into(CommandSink script) {
            List<byte[]> args = new ArrayList<>(fields.size() * 2);
            fields.forEach((field, value) -> {
                args.add(text(field));
                args.add(value);
            });
            script.add("HSET", List.of(key), args.toArray(byte[][]::new));
        }
    }

    /** {@code HDEL key field} */
    record HashRemove(String key, String field) implements WriteOp {
        @Override
        public void into(RBatch batch) {
            batch.<String, byte[]>getMap(key, Codecs.TEXT_TO_BYTES).fastRemoveAsync(field);
        }

        @Override
        public void into(CommandSink script) {
            script.add("HDEL", List.of(key), text(field));
        }
    }

    /** {@code SADD key member} */
    record SetAdd(String key, String member) implements WriteOp {
        @Override
        public void into(RBatch batch) {
            batch.<String>getSet(key, Codecs.TEXT).addAsync(member);
        }

        @Override
        public void into(CommandSink script) {
            script.add("SADD", List.of(key), text(member));
        }
    }

    /** {@code SREM key member} */
    record SetRemove(String key, String member) implements WriteOp {
        @Override
        public void into(RBatch batch) {
            batch.<String>getSet(key, Codecs.TEXT).removeAsync(member);
        }

        @Override
        public void into(CommandSink script) {
            script.add("SREM", List.of(key), text(member));
        }
    }

    /** {@code ZREM key member} */
    record SortedSetRemove(String key, String member) implements WriteOp {
        @Override
        public void into(RBatch batch) {
            batch.getScoredSortedSet(key, Codecs.TEXT).removeAsync(member);
        }

        @Override
        public void into(CommandSink script) {
            script.add("ZREM", List.of(key), text(member));
        }
    }

    /** {@code RPUSH key member} then {@code LTRIM key -keep -1}: the list keeps its last {@code keep} members. */
    record ListPushTrimmed(String key, String member, int keep) implements WriteOp {
        public ListPushTrimmed {
            if (key == null || member == null || keep < 1) {
                throw new IllegalArgumentException("list push needs a key, a member and a positive bound");
            }
        }

        @Override
        public void into(RBatch batch) {
            RListAsync<String> list = batch.getList(key, Codecs.TEXT);
            list.addAsync(member);
            list.trimAsync(-keep, -1);
        }

        @Override
        public void into(CommandSink script) {
            script.add("RPUSH", List.of(key), text(member));
            script.add("LTRIM", List.of(key), text(Integer.toString(-keep)), text("-1"));
        }
    }

    /** A put into an {@link OrderedHash}: a new field goes last in the order, an existing one keeps its place. */
    record OrderedPut(String hashKey, String orderKey, String field, byte[] value) implements WriteOp {
        public OrderedPut {
            if (hashKey == null || orderKey == null || field == null || value == null) {
                throw new IllegalArgumentException("ordered put needs two keys, a field and a value");
            }
        }

        @Override
        public void into(RBatch batch) {
            batch.getScript(Codecs.BYTES).evalAsync(hashKey, RScript.Mode.READ_WRITE, OrderedHash.PUT,
                    RScript.ReturnType.LONG, List.of(hashKey, orderKey), text(field), value);
        }

        @Override
        public void into(CommandSink script) {
            script.add(CommandSink.ORDERED_PUT, List.of(hashKey, orderKey), text(field), value);
        }
    }

    private static byte[] text(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
