package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.AdminListenerProvider;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import dev.tern.application.port.plugin.AuthorizerProvider;
import dev.tern.application.port.plugin.EventListenerProvider;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.MetricsProvider;
import dev.tern.application.port.plugin.StorageProvider;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole broker configuration, immutable and valid once built: the core settings, and each
 * provider the configuration chose with its bound settings. {@link #defaults()} is what an empty
 * configuration binds to with the providers on the class path.
 *
 * @param limits         per-client, retained store and delivery rate limits
 * @param listeners      the enabled listener instances, by instance name
 * @param eventListeners the enabled event listener plug-ins
 * @param sys            the {@code $SYS} topics
 * @param metrics        the chosen metrics backend
 * @param adminListeners the enabled admin listeners
 * @param connectionLimits the broker-wide connection limits
 * @param rateLimit      per-client inbound rate limits
 * @param overload       overload protection
 * @param cluster        clustering with other nodes on the same storage
 */
public record BrokerConfig(MqttConfig mqtt, Mqtt5Config mqtt5, LimitsConfig limits, StorageConfig storageConfig,
        Chosen<StorageProvider<?>> storage, Chosen<AuthenticatorProvider<?>> authenticator,
        Chosen<AuthorizerProvider<?>> authorizer, List<Chosen<ListenerProvider<?>>> listeners,
        List<Chosen<EventListenerProvider<?>>> eventListeners, PluginsConfig plugins, SysConfig sys,
        LogConfig log, Chosen<MetricsProvider<?>> metrics, AdminConfig admin,
        List<Chosen<AdminListenerProvider<?>>> adminListeners, ConnectionLimitsConfig connectionLimits,
        RateLimitConfig rateLimit, OverloadConfig overload, ClusterConfig cluster) {

    public BrokerConfig {
        Objects.requireNonNull(mqtt, "mqtt");
        Objects.requireNonNull(mqtt5, "mqtt5");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(storageConfig, "storageConfig");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(plugins, "plugins");
        Objects.requireNonNull(sys, "sys");
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(connectionLimits, "connectionLimits");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(overload, "overload");
        Objects.requireNonNull(cluster, "cluster");
        adminListeners = List.copyOf(adminListeners);
        listeners = List.copyOf(listeners);
        eventListeners = List.copyOf(eventListeners);
    }

    public static BrokerConfig defaults() {
        return ConfigLoader.load(new CommandLine(Optional.empty(), List.of()), Map.of());
    }

    /** The settings of the enabled listener instance of that name, if there is one. */
    public <S extends Record> Optional<S> listenerSettings(String instanceName, Class<S> type) {
        return listeners.stream().filter(listener -> listener.name().equals(instanceName))
                .map(Chosen::settings).filter(type::isInstance).map(type::cast).findFirst();
    }
}
