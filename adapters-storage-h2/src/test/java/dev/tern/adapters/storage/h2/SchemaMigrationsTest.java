package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.storage.h2.H2StorageSettings.OnCorruption;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.session.SessionExpiry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaMigrationsTest {

    @TempDir
    Path directory;

    private H2StorageSettings settings() {
        return new H2StorageSettings(directory.resolve("tern.mv.db"), OnCorruption.FAIL);
    }

    /** Plain JDBC on the closed database, as an operator's tool would see it. */
    private List<Integer> versionsOnDisk() throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Connection connection = connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version FROM schema_version ORDER BY version")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    private Connection connect() throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(ConnectionPool.url(settings().databaseFile()));
        source.setUser("sa");
        return source.getConnection();
    }

    @Test
    void bringsANewDatabaseToTheLatestVersion() throws SQLException {
        H2Storage.open(settings(), ReopenableStorage.CLOCK).close();

        assertThat(versionsOnDisk()).containsExactly(1, 2, 3);
        assertThat(SchemaMigrations.SCRIPTS).first().asString().startsWith("V1__");
    }

    @Test
    void appliesNothingAgainToADatabaseAtTheLatestVersion() throws SQLException {
        StoredSession session = new StoredSession("client-1", SessionExpiry.NEVER, null, 42);
        try (H2Storage storage = H2Storage.open(settings(), ReopenableStorage.CLOCK)) {
            storage.sessions().save(session);
        }

        try (H2Storage storage = H2Storage.open(settings(), ReopenableStorage.CLOCK)) {
            assertThat(storage.sessions().loadAll()).containsExactly(session);
        }
        assertThat(versionsOnDisk()).containsExactly(1, 2, 3);
    }

    @Test
    void appliesTheMissingScriptsOfAnOlderDatabaseInOrder() throws SQLException {
        H2Storage.open(settings(), ReopenableStorage.CLOCK).close();
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(ConnectionPool.url(settings().databaseFile()));
        source.setUser("sa");
        List<String> scripts = new ArrayList<>(SchemaMigrations.SCRIPTS);
        scripts.add("V4__test_only_device_table.sql");
        SchemaMigrations newer = new SchemaMigrations(scripts);

        int found = newer.migrate(Jdbi.create(source), settings().databaseFile());

        assertThat(found).isEqualTo(3);
        assertThat(versionsOnDisk()).containsExactly(1, 2, 3, 4);
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO test_only_device (id) VALUES (1)");
        }
    }

    @Test
    void refusesADatabaseWithANewerSchemaNamingTheFileAndBothVersions() throws SQLException {
        H2Storage.open(settings(), ReopenableStorage.CLOCK).close();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version (version, script) VALUES (7, 'V7__from_the_future.sql')");
        }

        assertThatThrownBy(() -> H2Storage.open(settings(), ReopenableStorage.CLOCK))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining(settings().databaseFile().toString())
                .hasMessageContaining("schema version 7")
                .hasMessageContaining("version " + SchemaMigrations.SCRIPTS.size());
        // Refused without touching it: the newer schema is still there for the newer code.
        assertThat(versionsOnDisk()).containsExactly(1, 2, 3, 7);
    }
}
