package dev.tern.bootstrap.config;

import java.util.Objects;

/**
 * The embedded H2 database.
 *
 * @param path database file path without extension; H2 wants it absolute or starting with {@code ./}
 */
public record H2StorageConfig(String path) {

    public H2StorageConfig {
        Objects.requireNonNull(path, "path");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path must not be blank");
        }
    }
}
