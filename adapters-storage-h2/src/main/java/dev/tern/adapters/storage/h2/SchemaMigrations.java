package dev.tern.adapters.storage.h2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Brings the schema to the version this code knows by applying the missing scripts of
 * {@code db/h2/}, in order, each with its row in {@code schema_version} in one transaction.
 *
 * <p>H2 commits each DDL statement on its own, so a script that fails halfway can leave part of
 * its DDL behind; the scripts therefore use {@code IF NOT EXISTS}, so that running one again after
 * such a failure completes it. A database whose version is newer than this code is refused: old
 * code must not write into a schema it does not know.
 *
 * <p>Threading: run once, at open, before the stores are used.
 */
final class SchemaMigrations {

    /** Every script, oldest first; script {@code i} (from 0) brings the schema to version {@code i + 1}. */
    static final List<String> SCRIPTS = List.of("V1__initial.sql", "V2__queue_by_sequence.sql",
            "V3__sequence_cache.sql");

    private static final String CREATE_VERSION_TABLE = "CREATE TABLE IF NOT EXISTS schema_version ("
            + "version INT NOT NULL PRIMARY KEY, script VARCHAR NOT NULL)";

    private final List<String> scripts;

    SchemaMigrations(List<String> scripts) {
        this.scripts = List.copyOf(scripts);
    }

    /** The latest version, the one {@link #migrate} leaves the schema at. */
    int latestVersion() {
        return scripts.size();
    }

    /**
     * @return the version found before migrating, 0 for a new database
     * @throws StorageUnavailableException when the database is newer than this code
     */
    int migrate(Jdbi jdbi, Path databaseFile) {
        int found = jdbi.withHandle(handle -> {
            handle.execute(CREATE_VERSION_TABLE);
            return currentVersion(handle);
        });
        if (found > latestVersion()) {
            throw new StorageUnavailableException("H2 database " + databaseFile + " has schema version " + found
                    + ", newer than version " + latestVersion() + " that this Tern knows; run a newer Tern"
                    + " or point storage.h2.path at another file");
        }
        for (int version = found + 1; version <= latestVersion(); version++) {
            apply(jdbi, version, scripts.get(version - 1));
        }
        return found;
    }

    static int currentVersion(Handle handle) {
        return handle.createQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version").mapTo(Integer.class).one();
    }

    private static void apply(Jdbi jdbi, int version, String script) {
        if (!script.startsWith("V" + version + "__")) {
            throw new IllegalStateException("script " + script + " is not version " + version);
        }
        String sql = load(script);
        jdbi.useTransaction(handle -> {
            handle.createScript(sql).execute();
            handle.createUpdate("INSERT INTO schema_version (version, script) VALUES (:version, :script)")
                    .bind("version", version)
                    .bind("script", script)
                    .execute();
        });
    }

    private static String load(String script) {
        String resource = "/db/h2/" + script;
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing migration " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration " + resource, e);
        }
    }
}
