package dev.tern.bootstrap.config;

import java.util.Objects;

/**
 * The embedded H2 database.
 *
 * @param path         database file path without extension; H2 wants it absolute or starting with {@code ./}
 * @param onCorruption what to do with a damaged file
 */
public record H2StorageConfig(String path, OnCorruption onCorruption) {

    public H2StorageConfig {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(onCorruption, "onCorruption");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path must not be blank");
        }
    }
}
