package dev.tern.bootstrap.config;

import dev.tern.application.port.plugin.ListenerProvider;
import dev.tern.bootstrap.plugin.ProviderDiscovery;
import dev.tern.bootstrap.plugin.Providers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link BrokerConfig} from, lowest precedence first: built-in defaults, the YAML file
 * of {@code --config}, {@code TERN_*} environment variables, and {@code --set} overrides. Every
 * source is reduced to dotted keys with text values before anything is parsed, so all sources
 * share one parser and one set of error messages. The keys are those of the {@link ConfigSchema}:
 * the core settings and those every provider found declares.
 *
 * <p>The environment is an argument: tests pass a map, {@code Main} passes {@code System.getenv()}.
 * Every {@code TERN_*} variable must name a known key, as must every file and {@code --set} key.
 * Stateless and thread-safe.
 */
public final class ConfigLoader {

    public static final String ENVIRONMENT_PREFIX = "TERN_";

    private ConfigLoader() {
    }

    /**
     * With the providers of the class path and of the plug-ins directory ({@code plugins.dir}).
     *
     * @throws ConfigException naming every unknown key and every bad value, with its source
     */
    public static BrokerConfig load(CommandLine commandLine, Map<String, String> environment) {
        ConfigSources sources = ConfigSources.read(commandLine, environment);
        return load(sources, ProviderDiscovery.discover(sources.pluginsDir()));
    }

    /** With these providers only: how an embedder or a test chooses them. */
    public static BrokerConfig load(CommandLine commandLine, Map<String, String> environment, Providers providers) {
        return load(ConfigSources.read(commandLine, environment), providers);
    }

    private static BrokerConfig load(ConfigSources sources, Providers providers) {
        List<String> problems = new ArrayList<>();
        Map<String, ListenerProvider<?>> instances = listenerInstances(sources, providers, problems);
        if (!problems.isEmpty()) {
            // An instance of an unknown kind has no keys: each of its keys would be reported unknown too.
            throw new ConfigException(problems);
        }
        ConfigSchema schema = new ConfigSchema(providers, instances);
        Map<String, SourcedValue> values = new LinkedHashMap<>();
        schema.specs().values().forEach(spec ->
                values.put(spec.key(), new SourcedValue(spec.defaultValue(), SourcedValue.DEFAULT)));
        sources.file().forEach(entry -> put(schema, entry, values, problems));
        fromEnvironment(schema, sources.environment(), values, problems);
        sources.overrides().forEach(entry -> put(schema, entry, values, problems));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return ConfigBinder.bind(schema, providers, parse(schema, values), values);
    }

    private static Map<String, ListenerProvider<?>> listenerInstances(ConfigSources sources, Providers providers,
            List<String> problems) {
        Map<String, ListenerProvider<?>> instances = new LinkedHashMap<>();
        providers.listeners().forEach(provider -> instances.put(provider.name(), provider));
        for (String instance : sources.declaredListenerInstances()) {
            ConfigSources.Entry type = sources.find("listeners." + instance + "." + ConfigSchema.TYPE).orElseThrow();
            Optional<ListenerProvider<?>> provider = Providers.byName(providers.listeners(), type.text().strip());
            if (provider.isPresent()) {
                instances.put(instance, provider.get());
            } else {
                problems.add(type.key() + ": \"" + type.text() + "\" is not one of "
                        + String.join(", ", Providers.names(providers.listeners())) + " (from " + type.source() + ")");
            }
        }
        return instances;
    }

    private static Map<String, Object> parse(ConfigSchema schema, Map<String, SourcedValue> values) {
        Map<String, Object> parsed = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (SettingSpec spec : schema.specs().values()) {
            SourcedValue value = values.get(spec.key());
            try {
                parsed.put(spec.key(), spec.parser().parse(value.text()));
            } catch (IllegalArgumentException e) {
                problems.add(spec.key() + ": \"" + value.text() + "\" " + e.getMessage()
                        + " (from " + value.source() + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return parsed;
    }

    private static void fromEnvironment(ConfigSchema schema, Map<String, String> environment,
            Map<String, SourcedValue> values, List<String> problems) {
        Map<String, String> keysByVariable = new HashMap<>();
        schema.specs().values().forEach(spec -> keysByVariable.put(spec.environmentName(), spec.key()));
        environment.entrySet().stream()
                .filter(variable -> variable.getKey().startsWith(ENVIRONMENT_PREFIX))
                .sorted(Map.Entry.comparingByKey())
                .forEach(variable -> {
                    String key = keysByVariable.get(variable.getKey());
                    if (key != null) {
                        values.put(key, new SourcedValue(variable.getValue(),
                                "environment variable " + variable.getKey()));
                    } else {
                        problems.add(unknown(variable.getKey(), "environment", keysByVariable.keySet()));
                    }
                });
    }

    private static void put(ConfigSchema schema, ConfigSources.Entry entry, Map<String, SourcedValue> values,
            List<String> problems) {
        if (schema.specs().containsKey(entry.key())) {
            values.put(entry.key(), new SourcedValue(entry.text(), entry.source()));
        } else {
            problems.add(unknown(entry.key(), entry.source(), schema.specs().keySet()));
        }
    }

    private static String unknown(String name, String source, java.util.Collection<String> known) {
        return "unknown key \"" + name + "\" (from " + source + ")"
                + ClosestMatch.in(known, name).map(match -> "; did you mean \"" + match + "\"?").orElse("");
    }
}
