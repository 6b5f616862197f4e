package dev.tern.bootstrap.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The broker's arguments: {@code [--config FILE] [--set KEY=VALUE]... [--help]}. Both value
 * options also accept the {@code --option=value} form.
 *
 * @param overrides the {@code --set} settings in the order given; a later one wins
 */
public record CommandLine(Optional<Path> configFile, List<Setting> overrides) {

    /** One {@code --set KEY=VALUE}; the key is checked against the known keys when loading. */
    public record Setting(String key, String value) {

        public Setting {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    public CommandLine {
        Objects.requireNonNull(configFile, "configFile");
        overrides = List.copyOf(overrides);
    }

    /** Never throws: a bad argument is an {@link CommandLineResult.Invalid} with its message. */
    public static CommandLineResult parse(List<String> args) {
        Optional<Path> configFile = Optional.empty();
        List<Setting> overrides = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (arg.equals("--help") || arg.equals("-h")) {
                return new CommandLineResult.ShowHelp();
            }
            if (!option.equals("--config") && !option.equals("--set")) {
                return new CommandLineResult.Invalid("unknown argument " + arg);
            }
            String value;
            if (!option.equals(arg)) {
                value = arg.substring(option.length() + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                return new CommandLineResult.Invalid(option + " needs a value");
            }
            if (option.equals("--config")) {
                if (configFile.isPresent()) {
                    return new CommandLineResult.Invalid("--config given more than once");
                }
                configFile = Optional.of(Path.of(value));
            } else {
                int equals = value.indexOf('=');
                if (equals < 1) {
                    return new CommandLineResult.Invalid("--set needs KEY=VALUE, got \"" + value + "\"");
                }
                overrides.add(new Setting(value.substring(0, equals).strip(), value.substring(equals + 1)));
            }
        }
        return new CommandLineResult.Run(new CommandLine(configFile, overrides));
    }
}
