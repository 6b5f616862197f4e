package dev.tern.adapters.storage.h2;

import dev.tern.application.port.out.SubscriptionStore;
import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.RetainHandling;
import dev.tern.domain.subscription.Subscription;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.TopicFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Subscriptions in table {@code subscription}, keyed by (client id, filter text). A new row takes
 * the next {@code subscription_position}; replacing options keeps it, so each client's
 * subscriptions load in the order first saved.
 *
 * <p>Threading: thread-safe, as {@link Transactor} is; blocks on disk I/O.
 */
final class H2SubscriptionStore implements SubscriptionStore {

    private static final String MERGE = "MERGE INTO subscription t"
            + " USING (VALUES (CAST(:client_id AS VARCHAR), CAST(:filter AS VARCHAR))) s (client_id, filter)"
            + " ON t.client_id = s.client_id AND t.filter = s.filter"
            + " WHEN MATCHED THEN UPDATE SET qos = :qos, no_local = :no_local,"
            + " retain_as_published = :retain_as_published, retain_handling = :retain_handling,"
            + " subscription_id = :subscription_id"
            + " WHEN NOT MATCHED THEN INSERT (client_id, filter, position, qos, no_local, retain_as_published,"
            + " retain_handling, subscription_id) VALUES (s.client_id, s.filter, NEXT VALUE FOR subscription_position,"
            + " :qos, :no_local, :retain_as_published, :retain_handling, :subscription_id)";
    private static final String DELETE = "DELETE FROM subscription WHERE client_id = :client_id AND filter = :filter";
    private static final String DELETE_ALL = "DELETE FROM subscription WHERE client_id = :client_id";
    private static final String SELECT_ALL = "SELECT client_id, filter, qos, no_local, retain_as_published,"
            + " retain_handling, subscription_id FROM subscription ORDER BY position";

    private final Transactor transactor;

    H2SubscriptionStore(Transactor transactor) {
        this.transactor = transactor;
    }

    @Override
    public void save(Subscription subscription) {
        SubscriptionOptions options = subscription.options();
        transactor.write(handle -> handle.createUpdate(MERGE)
                .bind("client_id", subscription.clientId())
                .bind("filter", subscription.filter().value())
                .bind("qos", options.qos().value())
                .bind("no_local", options.noLocal())
                .bind("retain_as_published", options.retainAsPublished())
                .bind("retain_handling", options.retainHandling().value())
                .bind("subscription_id", options.subscriptionId())
                .execute());
    }

    @Override
    public void delete(String clientId, String filter) {
        transactor.write(handle -> handle.createUpdate(DELETE)
                .bind("client_id", clientId)
                .bind("filter", filter)
                .execute());
    }

    @Override
    public void deleteAll(String clientId) {
        transactor.write(handle -> handle.createUpdate(DELETE_ALL).bind("client_id", clientId).execute());
    }

    @Override
    public List<Subscription> loadAll() {
        return transactor.read(handle -> List.copyOf(handle.createQuery(SELECT_ALL)
                .map((row, context) -> read(row))
                .list()));
    }

    private static Subscription read(ResultSet row) throws SQLException {
        SubscriptionOptions options = new SubscriptionOptions(
                Qos.of(row.getInt("qos")),
                row.getBoolean("no_local"),
                row.getBoolean("retain_as_published"),
                RetainHandling.of(row.getInt("retain_handling")),
                row.getInt("subscription_id"));
        return new Subscription(row.getString("client_id"), TopicFilter.parse(row.getString("filter")), options);
    }
}
