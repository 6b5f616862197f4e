package dev.tern.adapters.storage.redis;

import static dev.tern.adapters.storage.redis.RedisCommands.result;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.redisson.api.RFuture;

/**
 * Retained messages in one hash, {@code retained}: topic name to the message as given. Shared by
 * every broker using the same prefix, since retained messages are global. In a cluster the hash
 * has a hash slot of its own, so its writes form their own MULTI/EXEC in a group commit.
 *
 * <p>Threading: thread-safe.
 */
final class RedisRetainedMessageStore implements RetainedMessageStore {

    private final RedisCommands commands;
    private final String key;

    RedisRetainedMessageStore(RedisCommands commands, RedisKeys keys) {
        this.commands = commands;
        this.key = keys.retained();
    }

    @Override
    public void save(ApplicationMessage message) {
        byte[] value = StoredValues.message(message);
        commands.write(key, List.of(new WriteOp.HashPut(key, message.topic().value(), value)));
    }

    @Override
    public void delete(TopicName topic) {
        commands.write(key, List.of(new WriteOp.HashRemove(key, topic.value())));
    }

    @Override
    public List<ApplicationMessage> loadAll() {
        Map<String, byte[]> all = commands.read(batch -> {
            RFuture<Map<String, byte[]>> reply = batch.<String, byte[]>getMap(key, Codecs.TEXT_TO_BYTES)
                    .readAllMapAsync();
            return () -> result(reply);
        });
        List<ApplicationMessage> messages = new ArrayList<>(all.size());
        all.forEach((topic, value) -> messages.add(StoredValues.message(value, key + " " + topic)));
        return Collections.unmodifiableList(messages);
    }
}
