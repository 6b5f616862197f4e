package dev.tern.domain.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SessionExpiryTest {

    @ParameterizedTest(name = "{0} s -> ends at disconnect {1}, never {2}")
    @CsvSource({
        "0,          true,  false",
        "1,          false, false",
        "4294967294, false, false",
        "4294967295, false, true",
    })
    void classifiesTheInterval(long seconds, boolean endsAtDisconnect, boolean never) {
        SessionExpiry expiry = new SessionExpiry(seconds);

        assertThat(expiry.endsAtDisconnect()).isEqualTo(endsAtDisconnect);
        assertThat(expiry.never()).isEqualTo(never);
    }

    @Test
    void constantsMatchTheirMeaning() {
        assertThat(SessionExpiry.AT_DISCONNECT.endsAtDisconnect()).isTrue();
        assertThat(SessionExpiry.NEVER.never()).isTrue();
        assertThat(SessionExpiry.NEVER.seconds()).isEqualTo(0xFFFF_FFFFL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {-1, 4_294_967_296L})
    void rejectsIntervalsOutsideTheFourByteRange(long seconds) {
        assertThatIllegalArgumentException().isThrownBy(() -> new SessionExpiry(seconds));
    }

    @ParameterizedTest(name = "{0} s after 1000 ms -> {1}")
    @CsvSource({
        "0,          1000",
        "1,          2000",
        "60,         61000",
        "4294967294, 4294967295000",
    })
    void expiresTheIntervalAfterTheDisconnect(long seconds, long expectedMillis) {
        assertThat(new SessionExpiry(seconds).expiresAtMillis(1_000)).isEqualTo(expectedMillis);
    }

    /** 0xFFFFFFFF means the session does not expire (3.1.2.11.2). */
    @Test
    void aNeverExpiringSessionHasNoDeadline() {
        assertThat(SessionExpiry.NEVER.expiresAtMillis(1_000)).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "{0} s at most {1} -> {2}")
    @CsvSource({
        "0,          3600, 0",
        "60,         3600, 60",
        "3600,       3600, 3600",
        "7200,       3600, 3600",
        "4294967295, 3600, 3600",
    })
    void atMostCapsTheIntervalAtTheBrokerMaximum(long seconds, long maximum, long expected) {
        assertThat(new SessionExpiry(seconds).atMost(maximum).seconds()).isEqualTo(expected);
    }

    @Test
    void atMostReturnsTheSameInstanceWhenWithinTheMaximum() {
        SessionExpiry expiry = new SessionExpiry(60);

        assertThat(expiry.atMost(3600)).isSameAs(expiry);
    }
}
