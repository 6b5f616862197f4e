package dev.tern.application.port.out;

import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicName;
import java.util.List;

/**
 * The retained message of each topic. Each method is one atomic unit.
 *
 * <p>Threading: implementations are thread-safe.
 */
public interface RetainedMessageStore {

    /** Inserts or replaces the retained message of {@code message.topic()}. */
    void save(ApplicationMessage message);

    void delete(TopicName topic);

    List<ApplicationMessage> loadAll();
}
