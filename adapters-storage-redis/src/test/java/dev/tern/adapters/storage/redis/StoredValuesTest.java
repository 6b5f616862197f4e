package dev.tern.adapters.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tern.domain.delivery.Delivery;
import dev.tern.domain.delivery.OutboundFlow;
import dev.tern.domain.delivery.OutboundFlow.AwaitingPubrec;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.Qos;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Values that do not follow the stored layout are reported with their key, not misread. */
class StoredValuesTest {

    private static final ApplicationMessage MESSAGE = ApplicationMessage.of("a/b", new byte[] {1, 2, 3},
            Qos.AT_LEAST_ONCE, false);

    @Test
    void startsEveryValueWithItsLayoutVersion() {
        assertThat(StoredValues.message(MESSAGE)[0]).isEqualTo((byte) StoredValues.VERSION);
        assertThat(StoredValues.flow(new OutboundFlow.AwaitingPubcomp(1))[0]).isEqualTo((byte) StoredValues.VERSION);
    }

    @Test
    void readsBackAMessageLargerThanTheWritersFirstBuffer() {
        byte[] payload = new byte[70_000];
        Arrays.fill(payload, (byte) 7);
        ApplicationMessage large = ApplicationMessage.of("a/" + "b".repeat(300), payload, Qos.AT_LEAST_ONCE, false);

        ApplicationMessage read = StoredValues.message(StoredValues.message(large), "tern:retained a/b");

        assertThat(read.topic()).isEqualTo(large.topic());
        assertThat(read.payload().toByteArray()).isEqualTo(payload);
    }

    @Test
    void refusesAValueOfAnotherLayoutVersion() {
        byte[] value = StoredValues.message(MESSAGE);
        value[0] = 2;

        assertThatThrownBy(() -> StoredValues.message(value, "tern:retained a/b"))
                .isInstanceOf(CorruptValueException.class)
                .hasMessageContaining("tern:retained a/b")
                .hasMessageContaining("version 2");
    }

    @Test
    void refusesAValueCutShort() {
        byte[] value = StoredValues.delivery(Delivery.of(MESSAGE));
        byte[] truncated = Arrays.copyOf(value, value.length - 3);

        assertThatThrownBy(() -> StoredValues.delivery(truncated, "tern:queue:{c1} 7"))
                .isInstanceOf(CorruptValueException.class)
                .hasMessageContaining("tern:queue:{c1} 7");
    }

    @Test
    void refusesAValueWithBytesLeftOver() {
        byte[] value = StoredValues.flow(new AwaitingPubrec(5, Delivery.of(MESSAGE.withQos(Qos.EXACTLY_ONCE))));
        byte[] longer = Arrays.copyOf(value, value.length + 1);

        assertThatThrownBy(() -> StoredValues.flow(longer, "tern:inflight:{c1} 5"))
                .isInstanceOf(CorruptValueException.class)
                .hasMessageContaining("unexpected bytes");
    }

    @Test
    void refusesALengthBeyondTheValue() {
        // version 1, then a topic claiming 1000 bytes with none following.
        byte[] value = {1, 0, 0, 3, (byte) 0xE8};

        assertThatThrownBy(() -> StoredValues.message(value, "k"))
                .isInstanceOf(CorruptValueException.class)
                .hasMessageContaining("beyond the value's end");
    }

    @Test
    void refusesAnUnknownFlowState() {
        byte[] value = StoredValues.flow(new OutboundFlow.AwaitingPubcomp(1));
        value[1] = 9;

        assertThatThrownBy(() -> StoredValues.flow(value, "k")).hasMessageContaining("unknown flow state 9");
    }
}
