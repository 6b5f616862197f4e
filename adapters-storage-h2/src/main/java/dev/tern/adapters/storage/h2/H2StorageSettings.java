package dev.tern.adapters.storage.h2;

import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;

/**
 * Where the H2 database lives and what to do when it cannot be read: the settings of {@link
 * H2StorageProvider}, under {@code storage.h2.*}.
 *
 * @param path         the database file; H2's {@code .mv.db} suffix is appended unless present
 *                     ({@code data/tern} and {@code data/tern.mv.db} name the same file)
 * @param onCorruption what {@link H2Storage#open} does with a damaged or unreadable file
 */
public record H2StorageSettings(
        @Setting(defaultValue = "./data/tern", description = "H2 database file, absolute or starting with ./")
        Path path,
        @Setting(defaultValue = "fail", description = "a damaged database file: fail (stop and say so) or"
                + " quarantine (move it aside, start empty)")
        OnCorruption onCorruption) {

    /** The suffix H2 gives the file of an MVStore database. */
    static final String SUFFIX = ".mv.db";

    public H2StorageSettings {
        if (path == null || onCorruption == null) {
            throw new IllegalArgumentException("path and onCorruption must not be null");
        }
        if (path.getFileName() == null || path.getFileName().toString().equals(SUFFIX)) {
            throw new IllegalArgumentException("not a database file name: " + path);
        }
    }

    /** The file as it is on disk, always absolute and ending in {@code .mv.db}. */
    public Path databaseFile() {
        Path absolute = path.toAbsolutePath().normalize();
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
