package dev.tern.adapters.storage.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RScript.Mode;
import org.redisson.api.RScript.ReturnType;
import org.redisson.api.RStream;
import org.redisson.api.RedissonClient;
import org.redisson.api.stream.AutoClaimResult;
import org.redisson.api.stream.StreamCreateGroupArgs;
import org.redisson.api.stream.StreamMessageId;
import org.redisson.api.stream.StreamReadGroupArgs;
import org.redisson.client.RedisException;

/**
 * One node's durable inbox: a Redis Stream ({@code P cluster:inbox:{N}}, field {@code m} holds a
 * {@link ForwardFormat} forwarded message) read through the consumer group {@code tern} by the
 * consumer named after the node. It holds only unsettled messages: settling acknowledges AND
 * deletes an entry (XACK + XDEL in one script), so its length is the number of messages sent to
 * the node and not yet safe there, and the bound applies to exactly that. Nothing is ever
 * trimmed: {@code XADD MAXLEN} would drop the oldest entries whether read or not, losing messages
 * a publisher was told are safe; a full inbox refuses new entries instead.
 *
 * <p>Threading: thread-safe (Redisson objects); the methods returning a value block for a round
 * trip except {@link #append}, {@link #settle} and {@link #nextAsync}, which are asynchronous.
 */
final class Inbox {

    /**
     * KEYS: inbox; ARGV: bound, entries. One reply per entry, in order: 1 = appended, 0 = refused
     * (the inbox held {@code bound} entries when its turn came).
     */
    private static final String APPEND = """
            local length = redis.call('XLEN', KEYS[1])
            local bound = tonumber(ARGV[1])
            local replies = {}
            for i = 2, #ARGV do
              if length >= bound then
                replies[i - 1] = 0
              else
                redis.call('XADD', KEYS[1], '*', 'm', ARGV[i])
                length = length + 1
                replies[i - 1] = 1
              end
            end
            return replies""";

    /**
     * KEYS: inbox; ARGV: group, entry ids (at most {@link #MAX_SETTLE}, within Lua's unpack limit).
     * XACK is 0 without error when the group has gone.
     */
    private static final String SETTLE = """
            redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))
            return redis.call('XDEL', KEYS[1], unpack(ARGV, 2))""";

    /** The most ids one settle command carries. */
    static final int MAX_SETTLE = 1024;

    /** KEYS: inbox. Deletes it (with its group) only when no entry is left. */
    private static final String DELETE_IF_EMPTY = """
            if redis.call('XLEN', KEYS[1]) == 0 then return redis.call('DEL', KEYS[1]) end
            return 0""";

    static final String FIELD = "m";

    private final String key;
    private final RStream<String, byte[]> stream;
    private final RScript script;

    Inbox(RedissonClient redisson, String key) {
        this.key = key;
        this.stream = redisson.getStream(key, Codecs.TEXT_TO_BYTES);
        this.script = redisson.getScript(Codecs.BYTES);
    }

    String key() {
        return key;
    }

    /**
     * Adds {@code entries} to {@code batch}, in order, one command for all; each is appended unless
     * the inbox holds {@code bound} entries at its turn. The reply is a list of 1 (appended) or 0.
     */
    RFuture<List<Object>> append(RBatch batch, long bound, List<byte[]> entries) {
        Object[] args = new Object[entries.size() + 1];
        args[0] = bytes(Long.toString(bound));
        for (int i = 0; i < entries.size(); i++) {
            args[i + 1] = entries.get(i);
        }
        return batch.getScript(Codecs.BYTES).evalAsync(key, Mode.READ_WRITE, APPEND, ReturnType.LIST,
                List.of(key), args);
    }

    /** Acknowledges and deletes one entry; asynchronous. */
    CompletableFuture<Object> settle(StreamMessageId id) {
        return settle(List.of(id));
    }

    /** Acknowledges and deletes the entries (1 to {@link #MAX_SETTLE}) in one command; asynchronous. */
    CompletableFuture<Object> settle(List<StreamMessageId> ids) {
        if (ids.isEmpty() || ids.size() > MAX_SETTLE) {
            throw new IllegalArgumentException("1 to " + MAX_SETTLE + " ids per settle: " + ids.size());
        }
        Object[] args = new Object[ids.size() + 1];
        args[0] = bytes(RoutingKeys.GROUP);
        for (int i = 0; i < ids.size(); i++) {
            args[i + 1] = bytes(ids.get(i).toString());
        }
        return script.evalAsync(key, Mode.READ_WRITE, SETTLE, ReturnType.LONG, List.of(key), args)
                .toCompletableFuture();
    }

    /** Creates the group if it is missing, from the start: every entry left in the inbox is unsettled. */
    void ensureGroup() {
        try {
            stream.createGroup(StreamCreateGroupArgs.name(RoutingKeys.GROUP).id(StreamMessageId.ALL).makeStream());
        } catch (RedisException e) {
            if (e.getMessage() == null || !e.getMessage().contains("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Entries handed to {@code consumer} before and not acknowledged, after {@code after}. */
    Map<StreamMessageId, Map<String, byte[]>> pending(String consumer, StreamMessageId after, int count) {
        return stream.readGroup(RoutingKeys.GROUP, consumer, StreamReadGroupArgs.greaterThan(after).count(count));
    }

    /** Entries no consumer has had yet, waiting up to {@code block} for one; asynchronous. */
    CompletableFuture<Map<StreamMessageId, Map<String, byte[]>>> nextAsync(String consumer, int count, Duration block) {
        return stream.readGroupAsync(RoutingKeys.GROUP, consumer,
                StreamReadGroupArgs.neverDelivered().count(count).timeout(block)).toCompletableFuture();
    }

    /**
     * Entries handed to any consumer at least {@code idle} ago and not acknowledged, from
     * {@code from} on, now handed to {@code consumer} (XAUTOCLAIM, which resets their idle time).
     */
    AutoClaimResult<String, byte[]> reclaim(String consumer, Duration idle, StreamMessageId from, int count) {
        return stream.autoClaim(RoutingKeys.GROUP, consumer, idle.toMillis(), TimeUnit.MILLISECONDS, from, count);
    }

    /** Every entry from {@code from} on, read or not, at most {@code count}. */
    Map<StreamMessageId, Map<String, byte[]>> range(StreamMessageId from, int count) {
        return stream.range(count, from, StreamMessageId.MAX);
    }

    /** Deletes the inbox if it is empty; whether it did. */
    boolean deleteIfEmpty() {
        Long deleted = script.eval(key, Mode.READ_WRITE, DELETE_IF_EMPTY, ReturnType.LONG, List.of(key));
        return deleted != null && deleted > 0;
    }

    /** Whether {@code e} says the group (or the whole inbox) has gone, as after a drain by an adopter. */
    static boolean groupMissing(RuntimeException e) {
        return e.getMessage() != null && e.getMessage().contains("NOGROUP");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
