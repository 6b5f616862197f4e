package dev.tern.adapters.storage.h2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Moves a damaged database file aside to {@code <name>.corrupt-<UTC timestamp>}, where an operator
 * can still inspect or recover it (H2's {@code Recover} tool), so that the broker can start empty.
 *
 * <p>Threading: stateless apart from the clock; called once by {@link H2Storage#open}.
 */
final class Quarantine {

    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private Quarantine() {
    }

    /** @return where the file now is */
    static Path moveAside(Path databaseFile, Clock clock) {
        Path target = databaseFile.resolveSibling(
                databaseFile.getFileName() + ".corrupt-" + STAMP.format(clock.instant()));
        try {
            return Files.move(databaseFile, target);
        } catch (IOException e) {
            throw new StorageUnavailableException("H2 database " + databaseFile
                    + " is damaged and could not be moved aside to " + target + ": " + e
                    + "; move or delete it by hand", e);
        }
    }
}
