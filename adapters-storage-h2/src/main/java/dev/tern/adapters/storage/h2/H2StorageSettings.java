package dev.tern.adapters.storage.h2;

import java.nio.file.Path;

/**
 * Where the H2 database lives and what to do when it cannot be read.
 *
 * @param file         the database file; H2's {@code .mv.db} suffix is appended unless present
 *                     ({@code data/tern} and {@code data/tern.mv.db} name the same file)
 * @param onCorruption what {@link H2Storage#open} does with a damaged or unreadable file
 */
public record H2StorageSettings(Path file, OnCorruption onCorruption) {

    /** The suffix H2 gives the file of an MVStore database. */
    static final String SUFFIX = ".mv.db";

    public H2StorageSettings {
        if (file == null || onCorruption == null) {
            throw new IllegalArgumentException("file and onCorruption must not be null");
        }
        if (file.getFileName() == null || file.getFileName().toString().equals(SUFFIX)) {
            throw new IllegalArgumentException("not a database file name: " + file);
        }
    }

    /** The file as it is on disk, always absolute and ending in {@code .mv.db}. */
    public Path databaseFile() {
        Path absolute = file.toAbsolutePath().normalize();
        String name = absolute.getFileName().toString();
        return name.endsWith(SUFFIX) ? absolute : absolute.resolveSibling(name + SUFFIX);
    }

    /** What to do when the database file is damaged or unreadable ({@code storage.h2.on-corruption}). */
    public enum OnCorruption {
        /** Refuse to start; the operator repairs or removes the file. The default. */
        FAIL,
        /** Move the file aside to {@code <name>.corrupt-<timestamp>}, log at ERROR, and start empty. */
        QUARANTINE
    }
}
