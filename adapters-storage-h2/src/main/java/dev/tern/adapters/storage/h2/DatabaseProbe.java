package dev.tern.adapters.storage.h2;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.api.ErrorCode;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Checks an existing database file before it is opened for writing. Opening read-write is not a
 * safe test: H2 opens a file whose chunks it cannot read as an empty database and writes into it,
 * which would lose data silently. Read-only, H2 still falls back to the last intact chunk (as after
 * a torn write), but it writes nothing and reports what it cannot read. A file that opens but holds
 * no {@code schema_version} table is not a Tern database, and is treated as damaged too.
 *
 * <p>Threading: stateless; called once by {@link H2Storage#open}.
 */
final class DatabaseProbe {

    private DatabaseProbe() {
    }

    /**
     * Does nothing for a file that does not exist yet.
     *
     * @throws DamagedDatabaseException   when the file is damaged, unreadable or not a Tern database
     * @throws StorageUnavailableException when another process has the file open
     */
    static void check(Path databaseFile) throws DamagedDatabaseException {
        if (!Files.exists(databaseFile)) {
            return;
        }
        JdbcDataSource source = new JdbcDataSource();
        String url = ConnectionPool.url(databaseFile);
        source.setURL(url.substring(0, url.indexOf(';')) + ";ACCESS_MODE_DATA=r;TRACE_LEVEL_FILE=0");
        source.setUser("sa");
        source.setPassword("");
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'SCHEMA_VERSION'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                throw new DamagedDatabaseException("it holds no Tern schema (no table schema_version)", null);
            }
        } catch (SQLException e) {
            if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                throw new StorageUnavailableException("H2 database " + databaseFile
                        + " is in use by another process; stop it, or point storage.h2.path at another file", e);
            }
            if (e.getErrorCode() == ErrorCode.DATABASE_IS_READ_ONLY) {
                // H2 found no intact version of the data and wanted to start the file afresh.
                throw new DamagedDatabaseException("no intact version of its data is readable", e);
            }
            throw new DamagedDatabaseException(firstLine(e.getMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
