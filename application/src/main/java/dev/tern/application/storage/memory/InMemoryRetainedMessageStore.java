package dev.tern.application.storage.memory;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicName;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Retained messages kept in memory, lost when the broker stops.
 *
 * <p>Threading: thread-safe and non-blocking; each call is one operation on a
 * {@link ConcurrentHashMap} of immutable messages, so it may run on an I/O thread.
 */
public final class InMemoryRetainedMessageStore implements RetainedMessageStore {

    private final ConcurrentHashMap<TopicName, ApplicationMessage> messages = new ConcurrentHashMap<>();

    @Override
    public void save(ApplicationMessage message) {
        messages.put(message.topic(), message);
    }

    @Override
    public void delete(TopicName topic) {
        messages.remove(topic);
    }

    @Override
    public List<ApplicationMessage> loadAll() {
        return List.copyOf(messages.values());
    }
}
