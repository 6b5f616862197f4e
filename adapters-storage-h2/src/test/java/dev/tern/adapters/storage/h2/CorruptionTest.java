package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.adapters.storage.h2.H2StorageSettings.OnCorruption;
import dev.tern.application.port.out.StoredSession;
import dev.tern.domain.session.SessionExpiry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionTest {

    @TempDir
    Path directory;

    private Path file() {
        return directory.resolve("tern.mv.db");
    }

    private static H2StorageSettings settings(Path file, OnCorruption onCorruption) {
        return new H2StorageSettings(file, onCorruption);
    }

    private byte[] garbage() throws IOException {
        byte[] bytes = new byte[32 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(file(), bytes);
        return bytes;
    }

    /** A Tern database with one session, cut to half its length as a failing disk might leave it. */
    /** H2's file starts with two 4 KiB header blocks; its chunks follow. */
    private static final int HEADERS_AND_A_PARTIAL_CHUNK = 3 * 4096;

    private void truncatedTernDatabase() throws IOException {
        try (H2Storage storage = H2Storage.open(settings(file(), OnCorruption.FAIL), ReopenableStorage.CLOCK)) {
            storage.sessions().save(new StoredSession("client-1", SessionExpiry.NEVER, null, 1));
        }
        byte[] whole = Files.readAllBytes(file());
        // The two file headers and the start of the first chunk: no chunk is left whole. Cutting at
        // half the file was not enough: H2 falls back to the last intact chunk, and where the write
        // of the session landed in the first half, the file opened with everything in it.
        Files.write(file(), Arrays.copyOf(whole, HEADERS_AND_A_PARTIAL_CHUNK));
    }

    @Test
    void refusesAGarbageFileNamingTheFileAndTheRecoveryOption() throws IOException {
        garbage();

        assertThatThrownBy(() -> H2Storage.open(settings(file(), OnCorruption.FAIL), ReopenableStorage.CLOCK))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining(file().toString())
                .hasMessageContaining("storage.h2.on-corruption: quarantine");
    }

    /** H2 itself would open a truncated file as an empty database and write into it. */
    @Test
    void refusesATruncatedDatabaseInsteadOfOpeningItEmpty() throws IOException {
        truncatedTernDatabase();
        byte[] damaged = Files.readAllBytes(file());

        assertThatThrownBy(() -> H2Storage.open(settings(file(), OnCorruption.FAIL), ReopenableStorage.CLOCK))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("storage.h2.on-corruption: quarantine");
        assertThat(Files.readAllBytes(file())).isEqualTo(damaged);
    }

    @Test
    void refusesAnH2DatabaseThatIsNotTerns() throws SQLException {
        JdbcDataSource other = new JdbcDataSource();
        other.setURL(ConnectionPool.url(file()));
        other.setUser("sa");
        try (Connection connection = other.getConnection()) {
            connection.createStatement().execute("CREATE TABLE invoices (id INT)");
        }

        assertThatThrownBy(() -> H2Storage.open(settings(file(), OnCorruption.FAIL), ReopenableStorage.CLOCK))
                .isInstanceOf(StorageUnavailableException.class)
                .hasMessageContaining("no Tern schema");
    }

    @Test
    void quarantineMovesTheDamagedFileAsideAndStartsEmpty() throws IOException {
        byte[] garbage = garbage();

        try (H2Storage storage = H2Storage.open(settings(file(), OnCorruption.QUARANTINE), ReopenableStorage.CLOCK)) {
            assertThat(storage.sessions().loadAll()).isEmpty();
            storage.sessions().save(new StoredSession("client-1", SessionExpiry.NEVER, null, 1));
            assertThat(storage.sessions().loadAll()).extracting(StoredSession::clientId).containsExactly("client-1");
        }

        Path aside = directory.resolve("tern.mv.db.corrupt-20261122T081530123Z");
        assertThat(aside).exists();
        assertThat(Files.readAllBytes(aside)).isEqualTo(garbage);
        assertThat(file()).exists();
    }

    @Test
    void quarantineAlsoCatchesATruncatedDatabase() throws IOException {
        truncatedTernDatabase();

        try (H2Storage storage = H2Storage.open(settings(file(), OnCorruption.QUARANTINE), ReopenableStorage.CLOCK)) {
            assertThat(storage.sessions().loadAll()).isEmpty();
        }

        assertThat(directory.resolve("tern.mv.db.corrupt-20261122T081530123Z")).exists();
    }

    @Test
    void quarantineLeavesAnIntactDatabaseAlone() {
        StoredSession session = new StoredSession("client-1", SessionExpiry.NEVER, null, 1);
        try (H2Storage storage = H2Storage.open(settings(file(), OnCorruption.QUARANTINE), ReopenableStorage.CLOCK)) {
            storage.sessions().save(session);
        }

        try (H2Storage storage = H2Storage.open(settings(file(), OnCorruption.QUARANTINE), ReopenableStorage.CLOCK)) {
            assertThat(storage.sessions().loadAll()).containsExactly(session);
        }
        assertThat(directory.toFile().list()).containsExactly("tern.mv.db");
    }
}
