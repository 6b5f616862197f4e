package dev.tern.application.retained;

import dev.tern.application.storage.PendingAck;
import dev.tern.application.storage.StateRecorder;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
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
    private final StateRecorder recorder;

    public RetainedMessages(StateRecorder recorder) {
        this.recorder = recorder;
    }

    /** Stores or deletes the retained message of {@code message}'s topic; {@code ack} waits for the store. */
    public void retain(ApplicationMessage message, PendingAck ack) {
        if (message.payload().isEmpty()) {
            if (byTopic.remove(message.topic().value()) != null) {
                recorder.retainedDeleted(message.topic(), ack);
            }
        } else {
            byTopic.put(message.topic().value(), message);
            recorder.retained(message, ack);
        }
    }

    /** Puts back a retained message loaded from the store at start-up. */
    public void restore(ApplicationMessage message) {
        byTopic.put(message.topic().value(), message);
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

    /** The retained message of {@code topic}, or null; may be expired (it is dropped on the next match). */
    public ApplicationMessage get(String topic) {
        return byTopic.get(topic);
    }

    /** Deletes the retained message of {@code topic}, as an empty retained PUBLISH would; true if there was one. */
    public boolean delete(TopicName topic) {
        if (byTopic.remove(topic.value()) == null) {
            return false;
        }
        recorder.retainedDeleted(topic, null);
        return true;
    }

    public int size() {
        return byTopic.size();
    }
}
