package dev.tern.bootstrap.config;

import java.util.Objects;

/**
 * What the arguments ask for: run with a configuration, show help, or a usage error. A usage
 * error is a value because it is an expected outcome of reading user input; {@code Main} is
 * expected to handle the three cases along these lines:
 *
 * <pre>{@code
 * CommandLineResult result = CommandLine.parse(List.of(args));
 * if (result instanceof CommandLineResult.ShowHelp) -> print Usage.text(), exit 0
 * if (result instanceof CommandLineResult.Invalid invalid) -> print invalid.message() and Usage.text(), exit 2
 * if (result instanceof CommandLineResult.Run run) ->
 *     ConfigLoader.load(run.commandLine(), System.getenv()), printing ConfigException.problems()
 *     and exiting 2 if it throws
 * }</pre>
 */
public sealed interface CommandLineResult {

    record Run(CommandLine commandLine) implements CommandLineResult {

        public Run {
            Objects.requireNonNull(commandLine, "commandLine");
        }
    }

    record ShowHelp() implements CommandLineResult {
    }

    /** @param message says what is wrong, without the usage text (the caller adds it) */
    record Invalid(String message) implements CommandLineResult {

        public Invalid {
            Objects.requireNonNull(message, "message");
        }
    }
}
