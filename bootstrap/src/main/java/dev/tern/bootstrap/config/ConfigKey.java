package dev.tern.bootstrap.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One configuration setting: its dotted name, its default written as text (so that defaults go
 * through the same parser as every other source), its parser and a line of help.
 */
public record ConfigKey<T>(String name, String defaultValue, ValueParser<T> parser, String description) {

    public ConfigKey {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(description, "description");
    }

    /** {@code listeners.tcp.port} is {@code TERN_LISTENERS_TCP_PORT}. */
    public String environmentName() {
        return ConfigKeys.ENVIRONMENT_PREFIX + name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
