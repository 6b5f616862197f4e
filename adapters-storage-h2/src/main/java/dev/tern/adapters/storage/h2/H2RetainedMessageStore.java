package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.RetainedMessageStore;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.topic.TopicName;
import java.util.List;

/**
 * Retained messages in table {@code retained_message}, one row per topic. It saves what it is
 * given: turning an empty retained payload into a delete is the engine's decision.
 *
 * <p>Threading: thread-safe, as {@link Transactor} is; blocks on disk I/O.
 */
final class H2RetainedMessageStore implements RetainedMessageStore {

    private static final String MERGE = "MERGE INTO retained_message (" + MessageColumns.NAMES + ") KEY (topic)"
            + " VALUES (" + MessageColumns.PARAMETERS + ")";
    private static final String DELETE = "DELETE FROM retained_message WHERE topic = :topic";
    private static final String SELECT_ALL = "SELECT " + MessageColumns.NAMES + " FROM retained_message";

    private final Transactor transactor;

    H2RetainedMessageStore(Transactor transactor) {
        this.transactor = transactor;
    }

    @Override
    public void save(ApplicationMessage message) {
        transactor.write(handle -> {
            var merge = handle.createUpdate(MERGE);
            MessageColumns.bind(merge, message);
            return merge.execute();
        });
    }

    @Override
    public void delete(TopicName topic) {
        transactor.write(handle -> handle.createUpdate(DELETE).bind("topic", topic.value()).execute());
    }

    @Override
    public List<ApplicationMessage> loadAll() {
        return transactor.read(handle -> List.copyOf(handle.createQuery(SELECT_ALL)
                .map((row, context) -> MessageColumns.read(row))
                .list()));
    }
}
