package dev.tern.application.protocol.limit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long MILLI = 1_000_000L;

    @Test
    void aFullBucketLetsABurstOfItsCapacityThroughWithoutDebt() {
        TokenBucket bucket = new TokenBucket(10, 10, 0);

        for (int i = 0; i < 10; i++) {
            assertThat(bucket.take(1, 0)).isZero();
        }
        assertThat(bucket.holds(1, 0)).isFalse();
    }

    @Test
    void beyondItsTokensItGoesIntoDebtAndSaysWhenTheDebtIsRepaid() {
        TokenBucket bucket = new TokenBucket(10, 10, 0);
        bucket.take(10, 0);

        // one token owed at 10 per second: 100 ms
        assertThat(bucket.take(1, 0)).isEqualTo(100 * MILLI);
        // three owed: 300 ms
        assertThat(bucket.take(2, 0)).isEqualTo(300 * MILLI);
        assertThat(bucket.take(0, 300 * MILLI)).isZero();
    }

    @Test
    void refillsAtItsRateUpToItsCapacityOnly() {
        TokenBucket bucket = new TokenBucket(10, 10, 0);
        bucket.take(10, 0);

        assertThat(bucket.holds(5, 500 * MILLI)).isTrue();
        assertThat(bucket.holds(6, 500 * MILLI)).isFalse();
        // an idle hour does not bank more than one bucket
        assertThat(bucket.holds(10, 3600 * SECOND)).isTrue();
        bucket.take(10, 3600 * SECOND);
        assertThat(bucket.holds(1, 3600 * SECOND)).isFalse();
    }

    @Test
    void anAmountLargerThanTheBucketPassesWhenTheBucketIsFullAndLeavesItInDebt() {
        TokenBucket bucket = new TokenBucket(1000, 1000, 0);

        assertThat(bucket.holds(5000, 0)).isTrue();
        assertThat(bucket.take(5000, 0)).isEqualTo(4 * SECOND);
        assertThat(bucket.holds(1, 3 * SECOND)).isFalse();
        assertThat(bucket.holds(1000, 5 * SECOND)).isTrue();
    }

    @Test
    void holdsTakesNothing() {
        TokenBucket bucket = new TokenBucket(1, 1, 0);

        assertThat(bucket.holds(1, 0)).isTrue();
        assertThat(bucket.holds(1, 0)).isTrue();
        assertThat(bucket.take(1, 0)).isZero();
        assertThat(bucket.holds(1, 0)).isFalse();
    }
}
