package dev.tern.application.retained;

import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The retained message of each topic (3.3.1.3). A message with an empty payload deletes the
 * topic's retained message and is not stored [MQTT-3.3.1-10/11].
 *
 * <p>Threading: thread-safe; publishes and subscribes on any event loop.
 */
public final class RetainedMessages {

    private final ConcurrentHashMap<String, ApplicationMessage> byTopic = new ConcurrentHashMap<>();

    /** Stores or deletes the retained message of {@code message}'s topic. */
    public void retain(ApplicationMessage message) {
        if (message.payload().isEmpty()) {
            byTopic.remove(message.topic().value());
        } else {
            byTopic.put(message.topic().value(), message);
        }
    }

    /**
     * The retained messages whose topic matches {@code filter} and that have not expired. A scan:
     * subscribes are far rarer than publishes, and a topic index would cost every retained publish.
     */
    public List<ApplicationMessage> matching(TopicFilter filter, long nowMillis) {
        List<ApplicationMessage> found = new ArrayList<>();
        for (ApplicationMessage message : byTopic.values()) {
            if (filter.matches(message.topic())) {
                if (message.isExpiredAt(nowMillis)) {
                    byTopic.remove(message.topic().value(), message);
                } else {
                    found.add(message);
                }
            }
        }
        return found;
    }

    public int size() {
        return byTopic.size();
    }
}
