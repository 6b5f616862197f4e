package dev.tern.adapters.storage.h2;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/**
 * Opens the pool of connections to the H2 file, which opens the database itself.
 *
 * <p>URL settings, and why:
 * <ul>
 *   <li>{@code WRITE_DELAY=0}: a commit writes its changes to the file at once instead of within
 *       500 ms from a background thread; {@link Transactor} then forces them to disk.</li>
 *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's own shutdown hook must not close the database under
 *       the broker's shutdown, which still writes; the database closes with the pool.</li>
 *   <li>{@code TRACE_LEVEL_FILE=4}: H2 reports through SLF4J instead of a {@code .trace.db} file.</li>
 *   <li>{@code QUERY_CACHE_SIZE=64}: every statement of the stores stays parsed per connection.</li>
 *   <li>{@code LOCK_TIMEOUT=10000}: a reader waiting behind a large group commit does not fail.</li>
 * </ul>
 * The pool is small: one storage writer, readers mostly at start-up. Connections never retire,
 * because the database closes when its last connection closes ({@code DB_CLOSE_DELAY=0}), which is
 * also how {@link H2Storage#close()} closes it.
 *
 * <p>Threading: {@link #open} may be called from any thread.
 */
final class ConnectionPool {

    private static final int MAX_CONNECTIONS = 4;

    private ConnectionPool() {
    }

    /** @throws RuntimeException (Hikari's, caused by an {@code SQLException}) when H2 cannot open the file */
    static HikariDataSource open(Path databaseFile) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tern-h2");
        config.setJdbcUrl(url(databaseFile));
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(MAX_CONNECTIONS);
        config.setMinimumIdle(1);
        config.setIdleTimeout(0);
        config.setMaxLifetime(0);
        return new HikariDataSource(config);
    }

    static String url(Path databaseFile) {
        String file = databaseFile.toString();
        String base = file.substring(0, file.length() - H2StorageSettings.SUFFIX.length());
        if (base.indexOf(';') >= 0) {
            throw new IllegalArgumentException("an H2 database path must not contain ';': " + databaseFile);
        }
        return "jdbc:h2:file:" + base + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;TRACE_LEVEL_FILE=4"
                + ";QUERY_CACHE_SIZE=64;LOCK_TIMEOUT=10000";
    }
}
