package dev.tern.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.tern.bootstrap.config.CommandLine;
import dev.tern.bootstrap.config.ConfigLoader;
import dev.tern.bootstrap.config.Usage;
import dev.tern.bootstrap.plugin.ProviderDiscovery;
import dev.tern.bootstrap.plugin.Providers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * conf/tern.yaml of the tarball names every setting {@code tern --help} lists (the built-in
 * providers'), each once, commented out with its default, except the few the release sets.
 */
class ConfigTemplateTest {

    private static final Path TEMPLATE = Path.of("src", "conf", "tern.yaml");
    private static final Pattern HELP_SETTING = Pattern.compile("^  (\\S+)\\s+\\[(.*)]$", Pattern.MULTILINE);
    private static final Pattern YAML_SETTING = Pattern.compile("^(#?)([a-z0-9][a-z0-9.-]*): (.*)$");
    /** Set in the template, not left at the built-in default: the state and plug-ins under TERN_HOME. */
    private static final Map<String, String> SET_BY_THE_RELEASE = Map.of(
            "storage.h2.path", "./data/tern",
            "plugins.dir", "./plugins");

    private final Providers providers = ProviderDiscovery.onClassPath();

    private Map<String, String> helpDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        Matcher matcher = HELP_SETTING.matcher(Usage.text(providers));
        while (matcher.find()) {
            defaults.put(matcher.group(1), matcher.group(2));
        }
        return defaults;
    }

    private record Line(boolean commented, String key, String value) {
    }

    private static List<Line> templateSettings() throws IOException {
        return Files.readAllLines(TEMPLATE).stream().map(YAML_SETTING::matcher).filter(Matcher::matches)
                .map(m -> new Line(!m.group(1).isEmpty(), m.group(2), unquoted(m.group(3))))
                .toList();
    }

    private static String unquoted(String value) {
        return value.length() >= 2 && value.startsWith("'") && value.endsWith("'")
                ? value.substring(1, value.length() - 1) : value;
    }

    @Test
    void everySettingOfHelpIsInTheTemplateOnceAndNothingElse() throws IOException {
        Map<String, String> help = helpDefaults();
        assertThat(help).as("settings parsed from Usage.text").containsKeys("listeners.tcp.port", "log.format");
        Map<String, Long> counts = templateSettings().stream()
                .collect(Collectors.groupingBy(Line::key, LinkedHashMap::new, Collectors.counting()));
        assertThat(help.keySet()).as("settings of --help missing from %s: add them", TEMPLATE)
                .allMatch(counts::containsKey, "are in the template");
        assertThat(counts.keySet()).as("keys of %s that --help does not know", TEMPLATE)
                .allMatch(help::containsKey, "are known settings");
        assertThat(counts).as("each setting once").allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1L));
    }

    @Test
    void commentedSettingsShowTheirDefaultAndOnlyTheReleaseOnesAreSet() throws IOException {
        Map<String, String> help = helpDefaults();
        for (Line line : templateSettings()) {
            if (line.commented()) {
                assertThat(line.value()).as("default of %s", line.key()).isEqualTo(help.get(line.key()));
            } else {
                assertThat(SET_BY_THE_RELEASE).as("a setting the release sets").containsEntry(line.key(), line.value());
            }
        }
        assertThat(templateSettings().stream().filter(line -> !line.commented()).map(Line::key))
                .containsExactlyInAnyOrderElementsOf(SET_BY_THE_RELEASE.keySet());
    }

    @Test
    void theTemplateWithEverySettingUncommentedIsAValidConfiguration(@TempDir Path dir) throws IOException {
        String uncommented = Files.readAllLines(TEMPLATE).stream()
                .map(line -> YAML_SETTING.matcher(line).matches() ? line.replaceFirst("^#", "") : line)
                .collect(Collectors.joining("\n"));
        Path file = Files.writeString(dir.resolve("tern.yaml"), uncommented);
        assertThatCode(() -> ConfigLoader.load(new CommandLine(Optional.of(file), List.of()), Map.of(), providers))
                .doesNotThrowAnyException();
    }
}
