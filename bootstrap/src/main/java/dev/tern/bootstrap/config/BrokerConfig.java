package dev.tern.bootstrap.config;

import java.util.Objects;

/**
 * The whole broker configuration, immutable and valid once built. Defaults live in
 * {@link ConfigKeys}; {@link #defaults()} is what an empty configuration binds to.
 */
public record BrokerConfig(ListenersConfig listeners, StorageConfig storage, MqttConfig mqtt, Mqtt5Config mqtt5,
        SecurityConfig security) {

    public BrokerConfig {
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(mqtt5, "mqtt5");
        Objects.requireNonNull(security, "security");
    }

    public static BrokerConfig defaults() {
        return ConfigBinder.bind(ConfigKeys.defaultValues());
    }
}
