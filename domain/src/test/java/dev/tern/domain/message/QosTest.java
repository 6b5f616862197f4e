package dev.tern.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QosTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, AT_MOST_ONCE", "1, AT_LEAST_ONCE", "2, EXACTLY_ONCE"})
    void mapsEachWireValueToItsLevelAndBack(int value, Qos expected) {
        assertThat(Qos.isValid(value)).isTrue();
        assertThat(Qos.of(value)).isEqualTo(expected);
        assertThat(expected.value()).isEqualTo(value);
    }

    /** A PUBLISH with both QoS bits set is malformed [MQTT-3.3.1-4]; decoders check isValid first. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 3, 255, Integer.MIN_VALUE})
    void rejectsValuesOutsideZeroToTwo(int value) {
        assertThat(Qos.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> Qos.of(value));
    }

    /** Delivery uses the lower of published and granted QoS [MQTT-3.8.4-6]. */
    @ParameterizedTest(name = "{0} and {1} -> min {2}, max {3}")
    @CsvSource({
        "AT_MOST_ONCE,  AT_MOST_ONCE,  AT_MOST_ONCE,  AT_MOST_ONCE",
        "AT_MOST_ONCE,  AT_LEAST_ONCE, AT_MOST_ONCE,  AT_LEAST_ONCE",
        "AT_MOST_ONCE,  EXACTLY_ONCE,  AT_MOST_ONCE,  EXACTLY_ONCE",
        "AT_LEAST_ONCE, AT_MOST_ONCE,  AT_MOST_ONCE,  AT_LEAST_ONCE",
        "AT_LEAST_ONCE, AT_LEAST_ONCE, AT_LEAST_ONCE, AT_LEAST_ONCE",
        "AT_LEAST_ONCE, EXACTLY_ONCE,  AT_LEAST_ONCE, EXACTLY_ONCE",
        "EXACTLY_ONCE,  AT_MOST_ONCE,  AT_MOST_ONCE,  EXACTLY_ONCE",
        "EXACTLY_ONCE,  AT_LEAST_ONCE, AT_LEAST_ONCE, EXACTLY_ONCE",
        "EXACTLY_ONCE,  EXACTLY_ONCE,  EXACTLY_ONCE,  EXACTLY_ONCE",
    })
    void minAndMaxPickTheWeakerAndStrongerLevel(Qos a, Qos b, Qos min, Qos max) {
        assertThat(a.min(b)).isEqualTo(min);
        assertThat(a.max(b)).isEqualTo(max);
    }
}
