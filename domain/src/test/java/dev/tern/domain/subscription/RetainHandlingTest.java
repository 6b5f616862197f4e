package dev.tern.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetainHandlingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"0, SEND_ON_SUBSCRIBE", "1, SEND_IF_NEW_SUBSCRIPTION", "2, DO_NOT_SEND"})
    void mapsEachWireValueToItsOptionAndBack(int value, RetainHandling expected) {
        assertThat(RetainHandling.isValid(value)).isTrue();
        assertThat(RetainHandling.of(value)).isEqualTo(expected);
        assertThat(expected.value()).isEqualTo(value);
    }

    /** Retain Handling 3 is a Protocol Error (3.8.3.1); decoders check isValid first. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 3, 4})
    void rejectsValuesOutsideZeroToTwo(int value) {
        assertThat(RetainHandling.isValid(value)).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> RetainHandling.of(value));
    }
}
