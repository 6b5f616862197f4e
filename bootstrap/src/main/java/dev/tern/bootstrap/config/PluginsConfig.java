package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where plug-in jars are loaded from, and how many events may wait for event listeners: the
 * {@code plugins.*} settings that belong to no plug-in.
 */
public record PluginsConfig(
        @Setting(defaultValue = "./plugins",
                description = "directory whose jars are loaded at start, each in its own class loader")
        Path dir,
        @Setting(defaultValue = "8192", min = 1, max = 1_000_000, description =
                "broker events that may wait for slow event listeners; more are dropped and counted")
        int eventQueue) {

    public static final String DIR_KEY = "plugins.dir";

    public PluginsConfig {
        Objects.requireNonNull(dir, "dir");
    }
}
