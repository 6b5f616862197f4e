package dev.tern.bootstrap.config;

import dev.tern.bootstrap.plugin.Providers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Loads a configuration from {@code key=value} overrides, as {@code --set} gives them. */
final class Load {

    private Load() {
    }

    static BrokerConfig withSets(String... settings) {
        return ConfigLoader.load(commandLine(Optional.empty(), settings), Map.of());
    }

    static BrokerConfig withSets(Providers providers, String... settings) {
        return ConfigLoader.load(commandLine(Optional.empty(), settings), Map.of(), providers);
    }

    static CommandLine commandLine(Optional<Path> file, String... settings) {
        List<CommandLine.Setting> parsed = new ArrayList<>();
        for (String setting : settings) {
            int equals = setting.indexOf('=');
            parsed.add(new CommandLine.Setting(setting.substring(0, equals), setting.substring(equals + 1)));
        }
        return new CommandLine(file, parsed);
    }
}
