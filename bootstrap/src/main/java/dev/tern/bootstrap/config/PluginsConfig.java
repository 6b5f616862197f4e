package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.Setting;
import java.nio.file.Path;
import java.util.Objects;

/** Where plug-in jars are loaded from: the {@code plugins.*} settings that belong to no plug-in. */
public record PluginsConfig(
        @Setting(defaultValue = "./plugins",
                description = "directory whose jars are loaded at start, each in its own class loader")
        Path dir) {

    public static final String DIR_KEY = "plugins.dir";

    public PluginsConfig {
        Objects.requireNonNull(dir, "dir");
    }
}
