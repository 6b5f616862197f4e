package dev.tern.bootstrap.config;

import java.util.Objects;

/** The chosen backend plus the settings of every backend (unused ones are simply ignored). */
public record StorageConfig(StorageBackend backend, Durability durability, H2StorageConfig h2, RedisStorageConfig redis) {

    public StorageConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(h2, "h2");
        Objects.requireNonNull(redis, "redis");
    }
}
