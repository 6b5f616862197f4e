package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.Provider;
import dev.tern.bootstrap.plugin.PluginException;
import dev.tern.bootstrap.plugin.Providers;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every setting the broker knows in one run: the core ones, those each provider found declares
 * under its namespace, and those of each listener instance. Built from the providers, so that a
 * plug-in's settings are checked, documented and bound like the built-in ones.
 *
 * <p>Threading: immutable after construction.
 */
final class ConfigSchema {

    static final String TYPE = "type";
    static final String ENABLED = "enabled";

    final SettingsRecord<MqttConfig> mqtt = new SettingsRecord<>(MqttConfig.class, "mqtt");
    final SettingsRecord<Mqtt5Config> mqtt5 = new SettingsRecord<>(Mqtt5Config.class, "mqtt");
    final SettingsRecord<LimitsConfig> limits = new SettingsRecord<>(LimitsConfig.class, "limits");
    final SettingsRecord<StorageConfig> storage = new SettingsRecord<>(StorageConfig.class, "storage");
    final SettingsRecord<SecurityConfig> security = new SettingsRecord<>(SecurityConfig.class, "security");
    final SettingsRecord<PluginsConfig> plugins = new SettingsRecord<>(PluginsConfig.class, "plugins");
    final SettingsRecord<SysConfig> sys = new SettingsRecord<>(SysConfig.class, "sys");
    final SettingsRecord<LogConfig> log = new SettingsRecord<>(LogConfig.class, "log");
    final SettingsRecord<MetricsConfig> metrics = new SettingsRecord<>(MetricsConfig.class, "metrics");
    final SettingsRecord<AdminConfig> admin = new SettingsRecord<>(AdminConfig.class, "admin");
    final SettingsRecord<ConnectionLimitsConfig> connectionLimits =
            new SettingsRecord<>(ConnectionLimitsConfig.class, "limits.connections");
    final SettingsRecord<RateLimitConfig> rateLimit = new SettingsRecord<>(RateLimitConfig.class, "rate-limit");
    final SettingsRecord<OverloadConfig> overload = new SettingsRecord<>(OverloadConfig.class, "overload");
    final SettingsRecord<ClusterConfig> cluster = new SettingsRecord<>(ClusterConfig.class, "cluster");
    final Map<String, SettingsRecord<?>> storageBackends = new LinkedHashMap<>();
    final Map<String, SettingsRecord<?>> authenticators = new LinkedHashMap<>();
    final Map<String, SettingsRecord<?>> authorizers = new LinkedHashMap<>();
    final Map<String, SettingsRecord<?>> eventListeners = new LinkedHashMap<>();
    final Map<String, SettingsRecord<?>> metricsBackends = new LinkedHashMap<>();
    final Map<String, SettingsRecord<?>> adminListeners = new LinkedHashMap<>();
    final Map<String, SettingsRecord<?>> listenerInstances = new LinkedHashMap<>();
    private final Map<String, SettingSpec> specs = new LinkedHashMap<>();

    /** @param listenerInstances every listener instance, by instance name, with its provider */
    ConfigSchema(Providers providers, Map<String, ListenerProvider<?>> listenerInstances) {
        for (SettingsRecord<?> core : new SettingsRecord<?>[] {mqtt, mqtt5, limits, storage, security, plugins, sys, log,
                metrics, admin, connectionLimits, rateLimit, overload, cluster}) {
            add(core);
        }
        records(providers.storage(), "storage.", storageBackends);
        records(providers.authenticators(), "security.", authenticators);
        records(providers.authorizers(), "security.", authorizers);
        records(providers.eventListeners(), "plugins.", eventListeners);
        records(providers.metrics(), "metrics.", metricsBackends);
        records(providers.adminListeners(), "admin.", adminListeners);
        for (Provider<?> provider : providers.adminListeners()) {
            add(new SettingSpec("admin." + provider.name() + "." + ENABLED, "true", ValueParser.bool(),
                    "whether the " + provider.name() + " admin listener runs"));
        }
        for (Provider<?> provider : providers.eventListeners()) {
            add(new SettingSpec("plugins." + provider.name() + "." + ENABLED, "true", ValueParser.bool(),
                    "whether the " + provider.name() + " event listener runs"));
        }
        listenerInstances.forEach((instance, provider) -> {
            String namespace = "listeners." + instance;
            add(new SettingSpec(namespace + "." + TYPE, provider.name(), ValueParser.text(),
                    "kind of listener: " + provider.description()));
            boolean enabled = !instance.equals(provider.name()) || provider.enabledByDefault();
            add(new SettingSpec(namespace + "." + ENABLED, String.valueOf(enabled), ValueParser.bool(),
                    "whether the " + instance + " listener runs"));
            SettingsRecord<?> settings = settingsRecord(provider, namespace);
            this.listenerInstances.put(instance, settings);
            add(settings);
        });
    }

    private void records(Collection<? extends Provider<?>> providers, String prefix,
            Map<String, SettingsRecord<?>> into) {
        for (Provider<?> provider : providers) {
            SettingsRecord<?> settings = settingsRecord(provider, prefix + provider.name());
            into.put(provider.name(), settings);
            add(settings);
        }
    }

    /** A listener kind's record is refused like any other provider's: as a plug-in error naming it. */
    private static SettingsRecord<?> settingsRecord(Provider<?> provider, String namespace) {
        try {
            return new SettingsRecord<>(provider.settingsType(), namespace);
        } catch (IllegalStateException e) {
            throw new PluginException("provider " + provider.getClass().getName() + ": " + e.getMessage(), e);
        }
    }

    private void add(SettingsRecord<?> record) {
        record.specs().forEach(this::add);
    }

    private void add(SettingSpec spec) {
        SettingSpec before = specs.putIfAbsent(spec.key(), spec);
        // mqtt and mqtt5 share a namespace; two providers of different kinds may not share a key.
        if (before != null && before != spec) {
            throw new PluginException("two settings are named " + spec.key() + ": \"" + before.description()
                    + "\" and \"" + spec.description() + "\"");
        }
    }

    Map<String, SettingSpec> specs() {
        return specs;
    }
}
