package dev.tern.bootstrap.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of every setting as the sources give it, before anything is known of the keys: the
 * YAML file's, the {@code TERN_*} variables' and the {@code --set} ones, in rising precedence.
 * Two settings must be read before the schema exists: where plug-ins are (they add keys), and
 * which listener instances are declared (each adds a namespace).
 */
record ConfigSources(List<Entry> file, Map<String, String> environment, List<Entry> overrides) {

    private static final Pattern LISTENER_TYPE = Pattern.compile("listeners\\.([^.]+)\\.type");
    private static final Pattern LISTENER_TYPE_VARIABLE =
            Pattern.compile(ConfigLoader.ENVIRONMENT_PREFIX + "LISTENERS_(.+)_TYPE");

    /** One setting from the file or {@code --set}, with its source for messages. */
    record Entry(String key, String text, String source) {
    }

    static ConfigSources read(CommandLine commandLine, Map<String, String> environment) {
        List<Entry> file = new ArrayList<>();
        commandLine.configFile().ifPresent(path -> YamlConfigFile.read(path)
                .forEach((key, text) -> file.add(new Entry(key, text, "config file " + path))));
        List<Entry> overrides = commandLine.overrides().stream()
                .map(setting -> new Entry(setting.key(), setting.value(), "--set")).toList();
        return new ConfigSources(file, Map.copyOf(environment), overrides);
    }

    /** The value of {@code key} with the highest precedence, if any source gives one. */
    Optional<Entry> find(String key) {
        Optional<Entry> found = Optional.empty();
        for (Entry entry : file) {
            if (entry.key().equals(key)) {
                found = Optional.of(entry);
            }
        }
        String variable = SettingSpec.environmentName(key);
        if (environment.containsKey(variable)) {
            found = Optional.of(new Entry(key, environment.get(variable), "environment variable " + variable));
        }
        for (Entry entry : overrides) {
            if (entry.key().equals(key)) {
                found = Optional.of(entry);
            }
        }
        return found;
    }

    Path pluginsDir() {
        return find(PluginsConfig.DIR_KEY).map(entry -> Path.of(entry.text().strip())).orElse(Path.of("./plugins"));
    }

    /**
     * The listener instances declared with {@code listeners.<instance>.type}, by instance name. A
     * variable {@code TERN_LISTENERS_TCP_2_TYPE} declares {@code tcp-2}: dashes, not dots, are
     * what an instance name holds.
     */
    List<String> declaredListenerInstances() {
        List<String> instances = new ArrayList<>();
        for (Entry entry : file) {
            declared(LISTENER_TYPE.matcher(entry.key()), instances);
        }
        for (Entry entry : overrides) {
            declared(LISTENER_TYPE.matcher(entry.key()), instances);
        }
        environment.keySet().stream().sorted().forEach(variable -> {
            Matcher matcher = LISTENER_TYPE_VARIABLE.matcher(variable);
            if (matcher.matches()) {
                String instance = matcher.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
                if (!instances.contains(instance)) {
                    instances.add(instance);
                }
            }
        });
        return instances;
    }

    private static void declared(Matcher matcher, List<String> instances) {
        if (matcher.matches() && !instances.contains(matcher.group(1))) {
            instances.add(matcher.group(1));
        }
    }
}
