package dev.tern.bootstrap.config;

import java.util.Locale;
import java.util.Objects;

/**
 * One setting as the configuration sees it: its full dotted key, its default written as text (so
 * that defaults go through the same parser as every other source), its parser and a line of help.
 */
record SettingSpec(String key, String defaultValue, ValueParser<?> parser, String description) {

    SettingSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(parser, "parser");
        Objects.requireNonNull(description, "description");
    }

    /** {@code listeners.tcp.port} is {@code TERN_LISTENERS_TCP_PORT}. */
    String environmentName() {
        return environmentName(key);
    }

    static String environmentName(String key) {
        return ConfigLoader.ENVIRONMENT_PREFIX + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
