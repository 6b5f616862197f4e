package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UsageTest {

    @Test
    void listsEveryKeyWithItsDefault() {
        String usage = Usage.text();

        assertThat(ConfigKeys.ALL).allSatisfy(key ->
                assertThat(usage).contains(key.name()).contains("[" + key.defaultValue() + "]"));
        assertThat(usage).contains("--config FILE", "--set KEY=VALUE", "--help", "TERN_LISTENERS_TCP_PORT");
    }
}
