package dev.tern.adapters.storage.h2;

import com.zaxxer.hikari.HikariDataSource;
import dev.tern.adapters.storage.h2.H2StorageSettings.OnCorruption;
import dev.tern.application.port.out.Storage;
import dev.tern.application.port.out.Stores;
import dev.tern.application.port.out.StorageTransactions;
import java.nio.file.Path;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tern's durable embedded storage: the storage ports over one H2 database file, through Jdbi and a
 * small HikariCP pool. Opening checks the file (see {@link DatabaseProbe}), deals with damage as
 * {@link OnCorruption} says, and brings the schema up to date (see {@link SchemaMigrations}).
 *
 * <p>Durability: every store call outside a transaction, and every {@link
 * StorageTransactions#inTransaction} batch, is forced to disk before it returns (H2 alone would
 * not; see {@link Transactor}). The loss window is therefore zero for acknowledged writes, at the
 * price of one fsync per call or batch.
 *
 * <p>Threading: the stores and transactions are thread-safe and block on disk I/O, so they must
 * not be called on a network I/O thread. {@link #close} once no store call is running.
 */
final class H2Storage implements Storage {

    private static final Logger LOG = LoggerFactory.getLogger(H2Storage.class);

    private final String description;
    private final HikariDataSource pool;
    private final Transactor transactor;
    private final Stores stores;

    private H2Storage(Path file, HikariDataSource pool, Transactor transactor) {
        this.description = "h2 " + file;
        this.pool = pool;
        this.transactor = transactor;
        this.stores = new Stores(new H2SessionStore(transactor), new H2SubscriptionStore(transactor),
                new H2RetainedMessageStore(transactor), new H2MessageQueueStore(transactor),
                new H2InflightStore(transactor), transactor);
    }

    /**
     * Opens the database, creating it when its file does not exist.
     *
     * @param clock stamps the name of a quarantined file
     * @throws StorageUnavailableException when the file is damaged and {@code onCorruption} is
     *         FAIL, is in use, or has a newer schema than this code; the message says what to do
     */
    public static H2Storage open(H2StorageSettings settings, Clock clock) {
        Path file = settings.databaseFile();
        try {
            DatabaseProbe.check(file);
        } catch (DamagedDatabaseException damaged) {
            if (settings.onCorruption() == OnCorruption.FAIL) {
                throw new StorageUnavailableException("H2 database " + file + " is damaged or unreadable: "
                        + damaged.getMessage() + ". Restore it from a backup, or set storage.h2.on-corruption:"
                        + " quarantine to move it aside and start with an empty database", damaged);
            }
            Path aside = Quarantine.moveAside(file, clock);
            LOG.error("H2 database {} is damaged or unreadable ({}); moved it aside to {} and starting with an EMPTY"
                    + " database: stored sessions, subscriptions, retained and queued messages are not loaded",
                    file, damaged.getMessage(), aside, damaged);
        }
        return openChecked(settings.path().toAbsolutePath().normalize(), file);
    }

    /** @param named the path as configured, for the description; {@code file} is what H2 opens */
    private static H2Storage openChecked(Path named, Path file) {
        HikariDataSource pool;
        try {
            pool = ConnectionPool.open(file);
        } catch (RuntimeException e) {
            throw new StorageUnavailableException("H2 database " + file + " cannot be opened: " + e.getMessage(), e);
        }
        try {
            Jdbi jdbi = Jdbi.create(pool);
            new SchemaMigrations(SchemaMigrations.SCRIPTS).migrate(jdbi, file);
            return new H2Storage(named, pool, new Transactor(jdbi));
        } catch (RuntimeException e) {
            pool.close();
            throw e instanceof StorageUnavailableException ? e
                    : new StorageUnavailableException("H2 database " + file + " cannot be migrated: " + e.getMessage(), e);
        }
    }

    /** {@code h2 } and the database path as configured, made absolute. */
    @Override
    public String description() {
        return description;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public Stores stores() {
        return stores;
    }

    /** Closes the pool, and with its last connection the database, which H2 then writes out in full. */
    @Override
    public void close() {
        pool.close();
    }
}
