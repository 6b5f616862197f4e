package dev.tern.bootstrap.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the {@link BrokerConfig} from, lowest precedence first: built-in defaults, the YAML file
 * of {@code --config}, {@code TERN_*} environment variables, and {@code --set} overrides. Every
 * source is reduced to dotted keys with text values before anything is parsed, so all sources
 * share one parser and one set of error messages.
 *
 * <p>The environment is an argument: tests pass a map, {@code Main} passes {@code System.getenv()}.
 * Every {@code TERN_*} variable must name a known key, as must every file and {@code --set} key.
 * Stateless and thread-safe.
 */
public final class ConfigLoader {

    private static final List<String> KEY_NAMES = ConfigKeys.ALL.stream().map(ConfigKey::name).toList();
    private static final List<String> ENVIRONMENT_NAMES =
            ConfigKeys.ALL.stream().map(ConfigKey::environmentName).toList();

    private ConfigLoader() {
    }

    /** @throws ConfigException naming every unknown key and every bad value, with its source */
    public static BrokerConfig load(CommandLine commandLine, Map<String, String> environment) {
        Map<String, SourcedValue> values = ConfigKeys.defaultValues();
        List<String> problems = new ArrayList<>();
        commandLine.configFile().ifPresent(file -> fromFile(file, values, problems));
        fromEnvironment(environment, values, problems);
        for (CommandLine.Setting override : commandLine.overrides()) {
            put(override.key(), override.value(), "--set", values, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return ConfigBinder.bind(values);
    }

    private static void fromFile(Path file, Map<String, SourcedValue> values, List<String> problems) {
        String source = "config file " + file;
        YamlConfigFile.read(file).forEach((key, text) -> put(key, text, source, values, problems));
    }

    private static void fromEnvironment(
            Map<String, String> environment, Map<String, SourcedValue> values, List<String> problems) {
        environment.entrySet().stream()
                .filter(variable -> variable.getKey().startsWith(ConfigKeys.ENVIRONMENT_PREFIX))
                .sorted(Map.Entry.comparingByKey())
                .forEach(variable -> ConfigKeys.byEnvironmentName(variable.getKey()).ifPresentOrElse(
                        key -> values.put(key.name(),
                                new SourcedValue(variable.getValue(), "environment variable " + variable.getKey())),
                        () -> problems.add(unknown(variable.getKey(), "environment", ENVIRONMENT_NAMES))));
    }

    private static void put(
            String key, String text, String source, Map<String, SourcedValue> values, List<String> problems) {
        if (ConfigKeys.byName(key).isPresent()) {
            values.put(key, new SourcedValue(text, source));
        } else {
            problems.add(unknown(key, source, KEY_NAMES));
        }
    }

    private static String unknown(String name, String source, List<String> known) {
        return "unknown key \"" + name + "\" (from " + source + ")"
                + ClosestMatch.in(known, name).map(match -> "; did you mean \"" + match + "\"?").orElse("");
    }
}
