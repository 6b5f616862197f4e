package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.util.Objects;

/**
 * Which storage backend keeps state across restarts, and when stored messages are acknowledged:
 * the {@code storage.*} settings that belong to no backend.
 *
 * @param backend the name of a storage provider; its own settings are under {@code storage.<backend>.*}
 */
public record StorageConfig(
        @Setting(defaultValue = "h2", description =
                "where sessions and messages are kept: h2 (embedded file, the default), redis, memory (lost at exit) "
                        + "or a plug-in's backend")
        String backend,
        @Setting(defaultValue = "ack-after-commit",
                description = "ack-after-commit (acknowledge stored messages after the commit) or periodic (at once)")
        Durability durability) {

    public StorageConfig {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(durability, "durability");
    }
}
