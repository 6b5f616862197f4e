package dev.tern.domain.will;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class WillTest {

    private static final ApplicationMessage MESSAGE = ApplicationMessage.of("will/t", new byte[] {1}, Qos.AT_LEAST_ONCE, false);

    /**
     * The will is published when its delay passes or when the session ends, whichever is first
     * (3.1.3.2.2).
     */
    @ParameterizedTest(name = "delay {0}, session expiry {1} -> {2}")
    @CsvSource({
        "0,          0,          0",
        "0,          60,         0",
        "30,         60,         30",
        "60,         30,         30",
        "60,         60,         60",
        "60,         0,          0",
        "4294967295, 4294967295, 4294967295",
        "10,         4294967295, 10",
    })
    void firesAfterTheShorterOfWillDelayAndSessionExpiry(long delay, long sessionExpiry, long expected) {
        assertThat(new Will(MESSAGE, delay).firesAfterSeconds(sessionExpiry)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {-1, 4_294_967_296L})
    void rejectsADelayOutsideTheFourByteRange(long delay) {
        assertThatIllegalArgumentException().isThrownBy(() -> new Will(MESSAGE, delay));
    }

    @Test
    void rejectsAMissingMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Will(null, 0));
    }
}
