package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConfigKeysTest {

    @Test
    void derivesEnvironmentNamesFromDotsAndDashes() {
        assertThat(ConfigKeys.TCP_PORT.environmentName()).isEqualTo("TERN_LISTENERS_TCP_PORT");
        assertThat(ConfigKeys.QUEUE_QOS0_FOR_OFFLINE.environmentName()).isEqualTo("TERN_MQTT_QUEUE_QOS0_FOR_OFFLINE");
    }

    @Test
    void keyNamesAndEnvironmentNamesAreUnique() {
        assertThat(ConfigKeys.ALL).extracting(ConfigKey::name).doesNotHaveDuplicates();
        assertThat(ConfigKeys.ALL).extracting(ConfigKey::environmentName).doesNotHaveDuplicates();
    }

    @Test
    void everyDefaultParses() {
        assertThat(ConfigKeys.ALL).allSatisfy(key -> assertThat(key.parser().parse(key.defaultValue())).isNotNull());
    }
}
