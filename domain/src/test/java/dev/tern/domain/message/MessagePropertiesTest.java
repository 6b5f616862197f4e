package dev.tern.domain.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessagePropertiesTest {

    private static MessageProperties withFormat(Integer indicator) {
        return new MessageProperties(indicator, null, null, null, List.of());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {0, 1})
    void acceptsBothPayloadFormatIndicators(int indicator) {
        assertThat(withFormat(indicator).payloadFormatIndicator()).isEqualTo(indicator);
    }

    @Test
    void acceptsAnAbsentPayloadFormatIndicator() {
        assertThat(withFormat(null).payloadFormatIndicator()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {-1, 2, 255})
    void rejectsAnyOtherPayloadFormatIndicator(int indicator) {
        assertThatIllegalArgumentException().isThrownBy(() -> withFormat(indicator));
    }

    @Test
    void rejectsMissingUserProperties() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new MessageProperties(null, null, null, null, null));
    }

    /** User properties keep their order and duplicates [MQTT-3.3.2-18]. */
    @Test
    void keepsUserPropertiesInOrderWithDuplicates() {
        List<UserProperty> props = List.of(
                new UserProperty("k", "1"), new UserProperty("a", "2"), new UserProperty("k", "1"));

        MessageProperties properties = new MessageProperties(null, null, null, null, props);

        assertThat(properties.userProperties()).containsExactlyElementsOf(props);
    }

    @Test
    void userPropertiesAreAnImmutableCopy() {
        List<UserProperty> source = new ArrayList<>(List.of(new UserProperty("k", "v")));

        MessageProperties properties = new MessageProperties(null, null, null, null, source);
        source.add(new UserProperty("late", "x"));

        assertThat(properties.userProperties()).containsExactly(new UserProperty("k", "v"));
        assertThatExceptionOfType(UnsupportedOperationException.class)
                .isThrownBy(() -> properties.userProperties().add(new UserProperty("x", "y")));
    }

    @Test
    void noneIsEmpty() {
        assertThat(MessageProperties.NONE.isEmpty()).isTrue();
    }

    @Test
    void anySinglePropertyMakesItNonEmpty() {
        Payload correlation = Payload.wrap(new byte[] {1});
        UserProperty user = new UserProperty("k", "v");

        assertThat(List.of(
                new MessageProperties(0, null, null, null, List.of()),
                new MessageProperties(null, "text/plain", null, null, List.of()),
                new MessageProperties(null, null, "reply/here", null, List.of()),
                new MessageProperties(null, null, null, correlation, List.of()),
                new MessageProperties(null, null, null, null, List.of(user))))
                .allSatisfy(properties -> assertThat(properties.isEmpty()).isFalse());
    }

    @Test
    void userPropertyRejectsNullNameOrValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new UserProperty(null, "v"));
        assertThatIllegalArgumentException().isThrownBy(() -> new UserProperty("k", null));
    }
}
