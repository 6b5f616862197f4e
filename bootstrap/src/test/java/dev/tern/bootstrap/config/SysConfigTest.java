package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SysConfigTest {

    private static BrokerConfig load(String key, String value) {
        return ConfigLoader.load(new CommandLine(Optional.empty(), List.of(new CommandLine.Setting(key, value))),
                Map.of());
    }

    @Test
    void defaultsPublishEveryTenSecondsWithClientEventsOnly() {
        SysConfig sys = BrokerConfig.defaults().sys();

        assertThat(sys.interval()).isEqualTo(10);
        assertThat(sys.nodeName()).isEqualTo("auto");
        assertThat(sys.resolvedNodeName()).isNotBlank().doesNotContain("/", "+", "#");
        assertThat(sys.clientEvents()).isTrue();
        assertThat(sys.subscriptionEvents()).isFalse();
    }

    @Test
    void aNodeNameIsUsedAsGivenAndMustBeOneTopicLevel() {
        assertThat(load("sys.node-name", "edge-7").sys().resolvedNodeName()).isEqualTo("edge-7");
        assertThatThrownBy(() -> load("sys.node-name", "a/b")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sys");
    }

    @Test
    void zeroTurnsThePeriodicFiguresOffAndNegativeIsRefused() {
        assertThat(load("sys.interval", "0").sys().interval()).isZero();
        assertThatThrownBy(() -> load("sys.interval", "-1")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("sys.interval");
    }
}
