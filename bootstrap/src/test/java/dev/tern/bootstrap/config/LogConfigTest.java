package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** log.format: text by default, json from any source, nothing else. */
class LogConfigTest {

    private static BrokerConfig load(Map<String, String> environment, String... settings) {
        List<CommandLine.Setting> overrides = Arrays.stream(settings)
                .map(setting -> new CommandLine.Setting(setting.substring(0, setting.indexOf('=')),
                        setting.substring(setting.indexOf('=') + 1)))
                .toList();
        return ConfigLoader.load(new CommandLine(Optional.empty(), overrides), environment);
    }

    @Test
    void textByDefault() {
        assertThat(load(Map.of()).log().format()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void jsonFromTheEnvironmentOrTheCommandLine() {
        assertThat(load(Map.of("TERN_LOG_FORMAT", "json")).log().format()).isEqualTo(LogFormat.JSON);
        assertThat(load(Map.of("TERN_LOG_FORMAT", "json"), "log.format=text").log().format()).isEqualTo(LogFormat.TEXT);
    }

    @Test
    void anotherFormatIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> load(Map.of("TERN_LOG_FORMAT", "xml")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("log.format").hasMessageContaining("json");
    }
}
