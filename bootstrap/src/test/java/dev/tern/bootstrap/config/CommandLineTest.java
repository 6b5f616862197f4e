package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void noArgumentsRunWithNothingSet() {
        assertThat(CommandLine.parse(List.of()))
                .isEqualTo(new CommandLineResult.Run(new CommandLine(Optional.empty(), List.of())));
    }

    @Test
    void readsConfigFileAndRepeatedSetsInBothForms() {
        CommandLineResult result = CommandLine.parse(List.of(
                "--config", "tern.yaml", "--set", "listeners.tcp.port=1884", "--set=mqtt.max-inflight=8"));

        assertThat(result).isEqualTo(new CommandLineResult.Run(new CommandLine(Optional.of(Path.of("tern.yaml")),
                List.of(new CommandLine.Setting("listeners.tcp.port", "1884"),
                        new CommandLine.Setting("mqtt.max-inflight", "8")))));
    }

    @Test
    void keepsEqualsSignsInsideTheValue() {
        CommandLineResult result = CommandLine.parse(List.of("--set", "storage.h2.path=./a=b"));

        assertThat(result).isEqualTo(new CommandLineResult.Run(new CommandLine(Optional.empty(),
                List.of(new CommandLine.Setting("storage.h2.path", "./a=b")))));
    }

    @Test
    void helpWinsOverEverythingElse() {
        assertThat(CommandLine.parse(List.of("--set", "a=b", "--help"))).isInstanceOf(CommandLineResult.ShowHelp.class);
        assertThat(CommandLine.parse(List.of("-h"))).isInstanceOf(CommandLineResult.ShowHelp.class);
    }

    @Test
    void setWithoutEqualsSignIsInvalid() {
        assertThat(CommandLine.parse(List.of("--set", "listeners.tcp.port")))
                .isEqualTo(new CommandLineResult.Invalid("--set needs KEY=VALUE, got \"listeners.tcp.port\""));
    }

    @Test
    void optionWithoutValueIsInvalid() {
        assertThat(CommandLine.parse(List.of("--config")))
                .isEqualTo(new CommandLineResult.Invalid("--config needs a value"));
    }

    @Test
    void secondConfigFileIsInvalid() {
        assertThat(CommandLine.parse(List.of("--config", "a.yaml", "--config", "b.yaml")))
                .isEqualTo(new CommandLineResult.Invalid("--config given more than once"));
    }

    @Test
    void unknownArgumentIsInvalid() {
        assertThat(CommandLine.parse(List.of("--port", "1884")))
                .isEqualTo(new CommandLineResult.Invalid("unknown argument --port"));
    }
}
