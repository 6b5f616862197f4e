package dev.tern.adapters.storage.h2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.domain.message.UserProperty;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListColumnCodecTest {

    @Test
    void storesEmptyListsAsNull() {
        assertThat(ListColumnCodec.encodeUserProperties(List.of())).isNull();
        assertThat(ListColumnCodec.encodeInts(List.of())).isNull();
        assertThat(ListColumnCodec.decodeUserProperties(null)).isEmpty();
        assertThat(ListColumnCodec.decodeInts(null)).isEmpty();
    }

    @Test
    void encodesUserPropertiesAsCountThenLengthPrefixedUtf8() {
        byte[] encoded = ListColumnCodec.encodeUserProperties(List.of(new UserProperty("k", "é")));

        assertThat(encoded).containsExactly(
                0, 0, 0, 1,             // one property
                0, 0, 0, 1, 'k',        // name: 1 byte
                0, 0, 0, 2, 0xC3 - 256, 0xA9 - 256); // value: "é" is 2 bytes of UTF-8
    }

    /** A string whose UTF-8 form exceeds 65,535 bytes once re-encoded as modified UTF-8 still survives. */
    @Test
    void keepsOrderDuplicatesAndLongSupplementaryText() {
        String emoji = "\uD83D\uDE00".repeat(20_000);
        List<UserProperty> properties = List.of(new UserProperty("b", "1"), new UserProperty("a", ""),
                new UserProperty("b", "1"), new UserProperty("", emoji));

        assertThat(ListColumnCodec.decodeUserProperties(ListColumnCodec.encodeUserProperties(properties)))
                .containsExactlyElementsOf(properties);
    }

    @Test
    void keepsIntsInOrderAcrossTheirRange() {
        List<Integer> ids = List.of(268_435_455, 1, 7, 1);

        assertThat(ListColumnCodec.decodeInts(ListColumnCodec.encodeInts(ids))).containsExactlyElementsOf(ids);
    }

    @Test
    void reportsAColumnThatDoesNotDecodeInsteadOfReturningGarbage() {
        byte[] properties = ListColumnCodec.encodeUserProperties(List.of(new UserProperty("name", "value")));

        assertThatThrownBy(() -> ListColumnCodec.decodeUserProperties(Arrays.copyOf(properties, properties.length - 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("user_properties");
        assertThatThrownBy(() -> ListColumnCodec.decodeInts(new byte[] {0, 0, 1}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("subscription_ids");
    }
}
