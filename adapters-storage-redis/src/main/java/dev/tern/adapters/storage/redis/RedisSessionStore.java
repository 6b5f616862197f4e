package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.RedisCommands.result;

import dev.tern.application.port.out.SessionStore;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.session.SessionExpiry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redisson.api.RFuture;

/**
 * Sessions as one hash per client ({@code session:{C}}), listed for {@link #loadAll} by a
 * {@link ClientIndex} (the set {@code sessions}, or in a cluster the hashes themselves). Numbers
 * are stored as decimal text so that {@code redis-cli HGETALL} shows them as they are.
 *
 * <p>Threading: thread-safe.
 */
final class RedisSessionStore implements SessionStore {

    private static final String EXPIRY = "expiry";
    private static final String DISCONNECTED_AT = "disconnectedAt";
    private static final String WILL = "will";

    private final RedisCommands commands;
    private final RedisKeys keys;
    private final ClientIndex index;

    RedisSessionStore(RedisCommands commands, RedisKeys keys, ClientIndex index) {
        this.commands = commands;
        this.keys = keys;
        this.index = index;
    }

    @Override
    public void save(StoredSession session) {
        String key = keys.session(session.clientId());
        Map<String, byte[]> fields = new HashMap<>();
        fields.put(EXPIRY, decimal(session.expiry().seconds()));
        fields.put(DISCONNECTED_AT, decimal(session.disconnectedAtMillis()));
        if (session.will() != null) {
            fields.put(WILL, StoredValues.will(session.will()));
        }
        List<WriteOp> ops = new ArrayList<>(3);
        // Delete first: a session saved without a will must not keep the will of the last one.
        ops.add(new WriteOp.Delete(List.of(key)));
        ops.add(new WriteOp.HashPutAll(key, fields));
        index.add(ops, session.clientId());
        commands.writeClient(session.clientId(), key, ops);
    }

    @Override
    public void delete(String clientId) {
        String key = keys.session(clientId);
        List<WriteOp> ops = new ArrayList<>(2);
        ops.add(new WriteOp.Delete(List.of(key)));
        index.remove(ops, clientId);
        commands.writeClient(clientId, key, ops);
    }

    @Override
    public List<StoredSession> loadAll() {
        Set<String> clientIds = index.clientIds();
        return commands.readManyClients(batch -> {
            Map<String, RFuture<Map<String, byte[]>>> replies = new HashMap<>();
            for (String clientId : clientIds) {
                replies.put(clientId, batch.<String, byte[]>getMap(keys.session(clientId), Codecs.TEXT_TO_BYTES)
                        .readAllMapAsync());
            }
            return () -> {
                List<StoredSession> sessions = new ArrayList<>(replies.size());
                // A session deleted since it was listed has no fields left and is skipped.
                replies.forEach((clientId, fields) ->
                        decode(clientId, keys.session(clientId), result(fields)).ifPresent(sessions::add));
                return Collections.unmodifiableList(sessions);
            };
        });
    }

    /** One read of the client's session hash. */
    @Override
    public Optional<StoredSession> load(String clientId) {
        String key = keys.session(clientId);
        return commands.read(batch -> {
            RFuture<Map<String, byte[]>> reply = batch.<String, byte[]>getMap(key, Codecs.TEXT_TO_BYTES).readAllMapAsync();
            return () -> decode(clientId, key, result(reply));
        });
    }

    private static Optional<StoredSession> decode(String clientId, String key, Map<String, byte[]> fields) {
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        byte[] will = fields.get(WILL);
        return Optional.of(new StoredSession(clientId,
                new SessionExpiry(parseLong(fields.get(EXPIRY), key, EXPIRY)),
                will == null ? null : StoredValues.will(will, key + " " + WILL),
                parseLong(fields.get(DISCONNECTED_AT), key, DISCONNECTED_AT)));
    }

    private static byte[] decimal(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    private static long parseLong(byte[] text, String key, String field) {
        if (text == null) {
            throw new CorruptValueException(key, "field " + field + " missing");
        }
        try {
            return Long.parseLong(new String(text, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new CorruptValueException(key, "field " + field + " is not a number");
        }
    }
}
