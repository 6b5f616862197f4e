package dev.tern.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void startsFullAndGivesOutItsBurst() {
        TokenBucket bucket = new TokenBucket(10, 3, 1_000);

        assertThat(bucket.tryTake(1_000)).isTrue();
        assertThat(bucket.tryTake(1_000)).isTrue();
        assertThat(bucket.tryTake(1_000)).isTrue();
        assertThat(bucket.tryTake(1_000)).isFalse();
    }

    @Test
    void refillsAtItsRate() {
        TokenBucket bucket = new TokenBucket(10, 1, 0);
        bucket.tryTake(0);

        assertThat(bucket.millisUntilNext(0)).isEqualTo(100);
        assertThat(bucket.tryTake(99)).isFalse();
        assertThat(bucket.millisUntilNext(99)).isEqualTo(1);
        assertThat(bucket.tryTake(100)).isTrue();
    }

    @Test
    void savesNoMoreThanItsBurst() {
        TokenBucket bucket = new TokenBucket(100, 2, 0);

        int taken = 0;
        while (bucket.tryTake(60_000)) {
            taken++;
        }

        assertThat(taken).isEqualTo(2);
    }

    @Test
    void timeGoingBackwardsGivesNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, 5_000);
        bucket.tryTake(5_000);

        assertThat(bucket.tryTake(1_000)).isFalse();
        assertThat(bucket.millisUntilNext(5_000)).isEqualTo(1_000);
    }

    @Test
    void refusesANonPositiveRateOrBurst() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(0, 1, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new TokenBucket(1, 0, 0));
    }
}
