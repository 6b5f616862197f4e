package dev.tern.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The records guard themselves too, for configurations built in code rather than loaded. */
class MqttConfigTest {

    @Test
    void rejectsAnInflightWindowOfZero() {
        assertThatThrownBy(() -> new MqttConfig(Duration.ofSeconds(10), 1024, 0, 10,
                QueueOverflow.DROP_OLDEST, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInflight");
    }

    @Test
    void rejectsAPacketSizeAboveTheProtocolLimit() {
        assertThatThrownBy(() -> new MqttConfig(Duration.ofSeconds(10), 268_435_456, 32, 10,
                QueueOverflow.DROP_OLDEST, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPacketSize");
    }

    @Test
    void rejectsAnEmptyQueue() {
        assertThatThrownBy(() -> new MqttConfig(Duration.ofSeconds(10), 1024, 32, 0,
                QueueOverflow.DROP_OLDEST, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxQueuedMessages");
    }
}
