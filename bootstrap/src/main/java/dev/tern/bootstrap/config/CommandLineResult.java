package dev.tern.bootstrap.config;

import java.util.Objects;

/** What the arguments ask for: run with a configuration, show help, or a usage error. */
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
