package dev.tern.domain.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Packet identifiers are 1..65535 and never handed out twice while in use [MQTT-2.3.1-2]. */
class PacketIdPoolTest {

    private static final int MAX_ID = 65_535;

    private final PacketIdPool pool = new PacketIdPool();

    private void allocateAll() {
        for (int i = 0; i < MAX_ID; i++) {
            pool.allocate();
        }
    }

    @Test
    void allocatesAscendingIdsStartingAtOne() {
        assertThat(new int[] {pool.allocate(), pool.allocate(), pool.allocate()}).containsExactly(1, 2, 3);
        assertThat(pool.inUseCount()).isEqualTo(3);
    }

    @Test
    void handsOutEveryIdFromOneTo65535ExactlyOnce() {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < MAX_ID; i++) {
            int id = pool.allocate();
            assertThat(id).isBetween(1, MAX_ID);
            assertThat(seen.add(id)).as("id %d handed out twice", id).isTrue();
        }
        assertThat(pool.inUseCount()).isEqualTo(MAX_ID);
    }

    @Test
    void returnsZeroWhenEveryIdIsInUse() {
        allocateAll();

        assertThat(pool.allocate()).isZero();
        assertThat(pool.inUseCount()).isEqualTo(MAX_ID);
    }

    @Test
    void wrapsAroundToTheLowestFreeIdSkippingIdsStillInUse() {
        allocateAll();
        pool.release(3);
        pool.release(7);

        assertThat(pool.allocate()).isEqualTo(3);
        assertThat(pool.allocate()).isEqualTo(7);
        assertThat(pool.allocate()).isZero();
    }

    @Test
    void wrapsFromTheTopIdBackToOne() {
        allocateAll();
        pool.release(1);
        pool.release(MAX_ID);

        // The last id handed out was 65535, so the search continues at 1 before reaching 65535 again.
        assertThat(pool.allocate()).isEqualTo(1);
        assertThat(pool.allocate()).isEqualTo(MAX_ID);
    }

    /** A late acknowledgement for a freed id must not be taken for the next flow's. */
    @Test
    void doesNotReuseAJustFreedIdImmediately() {
        int first = pool.allocate();
        pool.release(first);

        assertThat(pool.allocate()).isNotEqualTo(first).isEqualTo(2);
    }

    @Test
    void releaseFreesTheIdAndLowersTheCount() {
        int id = pool.allocate();

        pool.release(id);

        assertThat(pool.isInUse(id)).isFalse();
        assertThat(pool.inUseCount()).isZero();
    }

    @Test
    void releasingAnIdNotInUseChangesNothing() {
        pool.allocate();

        pool.release(500);
        pool.release(500);

        assertThat(pool.inUseCount()).isEqualTo(1);
        assertThat(pool.isInUse(1)).isTrue();
    }

    @Test
    void reserveTakesAFreeIdOnce() {
        assertThat(pool.reserve(100)).isTrue();
        assertThat(pool.reserve(100)).isFalse();

        assertThat(pool.isInUse(100)).isTrue();
        assertThat(pool.inUseCount()).isEqualTo(1);
    }

    @Test
    void allocationSkipsReservedIds() {
        pool.reserve(1);
        pool.reserve(2);

        assertThat(pool.allocate()).isEqualTo(3);
    }

    @Test
    void reserveOfAnIdAlreadyAllocatedFails() {
        int id = pool.allocate();

        assertThat(pool.reserve(id)).isFalse();
        assertThat(pool.inUseCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1, 65_536, Integer.MAX_VALUE})
    void reserveAndReleaseRejectIdsOutsideTheRange(int id) {
        assertThatIllegalArgumentException().isThrownBy(() -> pool.reserve(id));
        assertThatIllegalArgumentException().isThrownBy(() -> pool.release(id));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, -1, 65_536})
    void idsOutsideTheRangeAreNeverInUse(int id) {
        assertThat(pool.isInUse(id)).isFalse();
    }
}
