package dev.tern.adapters.storage.h2;

import dev.tern.adapters.storage.h2.H2StorageSettings.OnCorruption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * One H2 database file in a test directory, opened, closed and opened again over the same file so
 * that every contract round trip reads back from disk.
 */
final class ReopenableStorage {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:15:30.123Z"), ZoneOffset.UTC);

    private final H2StorageSettings settings;
    private H2Storage current;

    ReopenableStorage(Path directory) {
        this.settings = settingsIn(directory);
    }

    private static H2StorageSettings settingsIn(Path directory) {
        return new H2StorageSettings(directory.resolve("tern"), OnCorruption.FAIL);
    }

    /** Opens the test database file in {@code directory}, for a test that closes it itself. */
    static H2Storage openIn(Path directory) {
        return H2Storage.open(settingsIn(directory), CLOCK);
    }

    <S> S open(Function<H2Storage, S> port) {
        current = H2Storage.open(settings, CLOCK);
        return port.apply(current);
    }

    <S> S reopen(Function<H2Storage, S> port) {
        current.close();
        return open(port);
    }

    void close() {
        if (current != null) {
            current.close();
        }
    }
}
