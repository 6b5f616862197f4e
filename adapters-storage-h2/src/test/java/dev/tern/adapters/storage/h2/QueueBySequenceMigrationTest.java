package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.adapters.storage.h2.H2StorageSettings.OnCorruption;
import dev.tern.application.port.out.StoredDelivery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Version 2 rebuilds {@code queued_delivery} keyed by sequence alone. A version 1 database numbered
 * each client's queue on its own, so the same sequences appear under several clients: they are
 * renumbered, unique, with each client's order kept.
 */
class QueueBySequenceMigrationTest {

    @TempDir
    Path directory;

    private H2StorageSettings settings() {
        return new H2StorageSettings(directory.resolve("tern.mv.db"), OnCorruption.FAIL);
    }

    private JdbcDataSource source() {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(ConnectionPool.url(settings().databaseFile()));
        source.setUser("sa");
        return source;
    }

    /** A version 1 database with overlapping per-client sequences, appended in this order. */
    private void writeVersionOneQueues() throws SQLException {
        new SchemaMigrations(List.of("V1__initial.sql")).migrate(Jdbi.create(source()), settings().databaseFile());
        try (Connection connection = source().getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO queued_delivery (client_id, sequence, topic, payload, qos, retain, publisher_id,"
                        + " expires_at_millis) VALUES (?, ?, ?, X'00', 1, FALSE, 'publisher', 9223372036854775807)")) {
            Object[][] rows = {{"client-b", 2}, {"client-a", 5}, {"client-a", 1}, {"client-b", 1}, {"client-a", 2}};
            for (Object[] row : rows) {
                insert.setString(1, (String) row[0]);
                insert.setLong(2, (Integer) row[1]);
                insert.setString(3, row[0] + "/" + row[1]);
                insert.executeUpdate();
            }
        }
    }

    private static List<String> topics(List<StoredDelivery> queue) {
        return queue.stream().map(d -> d.delivery().message().topic().value()).toList();
    }

    @Test
    void renumbersOverlappingSequencesKeepingEachClientsOrder() throws SQLException {
        writeVersionOneQueues();

        try (H2Storage storage = H2Storage.open(settings(), ReopenableStorage.CLOCK)) {
            Map<String, List<StoredDelivery>> queues = storage.queues().loadAll(List.of("client-a", "client-b"));

            assertThat(topics(queues.get("client-a"))).containsExactly("client-a/1", "client-a/2", "client-a/5");
            assertThat(topics(queues.get("client-b"))).containsExactly("client-b/1", "client-b/2");
            assertThat(queues.values().stream().flatMap(List::stream).map(StoredDelivery::sequence).distinct())
                    .hasSize(5);
            assertThat(storage.queues().load("client-a")).isEqualTo(queues.get("client-a"));
        }
    }

    /** H2 commits each DDL statement on its own: a crash after the DROP leaves the rows only in the new table. */
    @Test
    void completesAMigrationInterruptedBetweenDropAndRename() throws Exception {
        writeVersionOneQueues();
        List<String> statements = Arrays.asList(script().split(";\\s*\\n"));
        try (Connection connection = source().getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : statements.subList(0, statements.size() - 1)) {
                statement.execute(sql);
            }
        }

        try (H2Storage storage = H2Storage.open(settings(), ReopenableStorage.CLOCK)) {
            Map<String, List<StoredDelivery>> queues = storage.queues().loadAll(List.of("client-a", "client-b"));

            assertThat(topics(queues.get("client-a"))).containsExactly("client-a/1", "client-a/2", "client-a/5");
            assertThat(topics(queues.get("client-b"))).containsExactly("client-b/1", "client-b/2");
        }
    }

    private static String script() throws IOException {
        try (InputStream in = QueueBySequenceMigrationTest.class.getResourceAsStream("/db/h2/V2__queue_by_sequence.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
