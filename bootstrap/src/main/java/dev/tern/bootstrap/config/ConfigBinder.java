package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.AdminListenerProvider;
import dev.tern.application.port.plugin.AuthenticatorProvider;
import dev.tern.application.port.plugin.AuthorizerProvider;
import dev.tern.application.port.plugin.EventListenerProvider;
import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.application.port.plugin.MetricsProvider;
import dev.tern.application.port.plugin.Provider;
import dev.tern.application.port.plugin.StorageProvider;
import dev.tern.bootstrap.plugin.Providers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Assembles the configuration from parsed values: the core records, and the settings of each
 * provider the configuration chose. Only chosen providers' records are built, so that the rules
 * across one provider's settings (TLS needs a key) hold only where it runs.
 */
final class ConfigBinder {

    private ConfigBinder() {
    }

    /**
     * @param parsed every setting of the schema, parsed, by key
     * @param values their text and source, for messages
     * @throws ConfigException naming a choice that no provider answers, or a record's refusal
     */
    static BrokerConfig bind(ConfigSchema schema, Providers providers, Map<String, Object> parsed,
            Map<String, SourcedValue> values) {
        StorageConfig storage = schema.storage.bind(parsed);
        SecurityConfig security = schema.security.bind(parsed);
        MetricsConfig metrics = schema.metrics.bind(parsed);
        List<String> problems = new ArrayList<>();
        StorageProvider<?> backend = choose(providers.storage(), "storage.backend", storage.backend(), values, problems);
        AuthenticatorProvider<?> authenticator = choose(providers.authenticators(), "security.authenticator",
                security.authenticator(), values, problems);
        AuthorizerProvider<?> authorizer = choose(providers.authorizers(), "security.authorizer",
                security.authorizer(), values, problems);
        MetricsProvider<?> metricsBackend = choose(providers.metrics(), "metrics.backend", metrics.backend(), values,
                problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        List<Chosen<ListenerProvider<?>>> listeners = new ArrayList<>();
        schema.listenerInstances.forEach((instance, settings) -> {
            if ((Boolean) parsed.get(settings.namespace() + "." + ConfigSchema.ENABLED)) {
                String type = (String) parsed.get(settings.namespace() + "." + ConfigSchema.TYPE);
                listeners.add(new Chosen<>(instance,
                        Providers.byName(providers.listeners(), type.strip()).orElseThrow(), settings.bind(parsed)));
            }
        });
        List<Chosen<EventListenerProvider<?>>> eventListeners = new ArrayList<>();
        for (EventListenerProvider<?> provider : providers.eventListeners()) {
            if ((Boolean) parsed.get("plugins." + provider.name() + "." + ConfigSchema.ENABLED)) {
                eventListeners.add(chosen(provider, schema.eventListeners, parsed));
            }
        }
        List<Chosen<AdminListenerProvider<?>>> adminListeners = new ArrayList<>();
        for (AdminListenerProvider<?> provider : providers.adminListeners()) {
            if ((Boolean) parsed.get("admin." + provider.name() + "." + ConfigSchema.ENABLED)) {
                adminListeners.add(chosen(provider, schema.adminListeners, parsed));
            }
        }
        return new BrokerConfig(schema.mqtt.bind(parsed), schema.mqtt5.bind(parsed), schema.limits.bind(parsed), storage,
                chosen(backend, schema.storageBackends, parsed), chosen(authenticator, schema.authenticators, parsed),
                chosen(authorizer, schema.authorizers, parsed), listeners, eventListeners,
                schema.plugins.bind(parsed), schema.sys.bind(parsed), schema.log.bind(parsed),
                chosen(metricsBackend, schema.metricsBackends, parsed), schema.admin.bind(parsed), adminListeners,
                schema.connectionLimits.bind(parsed),
                schema.rateLimit.bind(parsed), schema.overload.bind(parsed), schema.cluster.bind(parsed));
    }

    private static <P extends Provider<?>> P choose(List<P> providers, String key, String name,
            Map<String, SourcedValue> values, List<String> problems) {
        return Providers.byName(providers, name.strip()).orElseGet(() -> {
            problems.add(key + ": \"" + name + "\" is not one of " + String.join(", ", Providers.names(providers))
                    + " (from " + values.get(key).source() + ")");
            return null;
        });
    }

    private static <P extends Provider<?>> Chosen<P> chosen(P provider, Map<String, SettingsRecord<?>> records,
            Map<String, Object> parsed) {
        return new Chosen<>(provider.name(), provider, records.get(provider.name()).bind(parsed));
    }
}
