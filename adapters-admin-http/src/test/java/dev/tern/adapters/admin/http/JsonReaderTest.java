package dev.tern.adapters.admin.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonReaderTest {

    @Test
    void readsEveryKindOfValue() {
        Map<?, ?> parsed = (Map<?, ?>) JsonReader.parse(" {\"s\": \"a\\\"b\\\\c\\n\\u00e9\\/\", \"n\": -12.5e2,"
                + " \"z\": 0, \"t\": true, \"f\": false, \"x\": null, \"a\": [1, [], {}]} ");
        assertThat(parsed.get("s")).isEqualTo("a\"b\\c\n\u00e9/");
        assertThat(parsed.get("n")).isEqualTo(new BigDecimal("-12.5e2"));
        assertThat(parsed.get("z")).isEqualTo(BigDecimal.ZERO);
        assertThat(parsed.get("t")).isEqualTo(true);
        assertThat(parsed.get("f")).isEqualTo(false);
        assertThat(parsed.containsKey("x")).isTrue();
        assertThat(parsed.get("x")).isNull();
        assertThat(parsed.get("a")).isEqualTo(List.of(BigDecimal.ONE, List.of(), Map.of()));
    }

    @Test
    void keepsTheOrderOfMembers() {
        Map<?, ?> parsed = (Map<?, ?>) JsonReader.parse("{\"b\": 1, \"a\": 2}");
        List<Object> names = List.copyOf(parsed.keySet());
        assertThat(names).containsExactly("b", "a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "{\"a\": 1,}", "[1,]", "01", "1.", "-", "+1", "tru", "\"unterminated",
            "\"bad \\x escape\"", "\"\\u12\"", "{\"a\": 1} x", "{a: 1}", "'single'", "{\"a\": 1, \"a\": 2}",
            "\"raw\ttab\"", "NaN", "1e"})
    void refusesWhatIsNotStrictJson(String text) {
        assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("invalid JSON at offset");
    }

    @Test
    void boundsTheNesting() {
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        assertThatThrownBy(() -> JsonReader.parse(deep)).hasMessageContaining("nested deeper");
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertThat(JsonReader.parse(ok)).isInstanceOf(List.class);
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("text", "quote \" and \\ and \u0001");
        value.put("list", List.of(1, true));
        value.put("none", null);
        assertThat(JsonReader.parse(Json.write(value))).isEqualTo(withNullFor(value));
    }

    private static Map<String, Object> withNullFor(Map<String, Object> value) {
        Map<String, Object> expected = new java.util.LinkedHashMap<>(value);
        expected.put("list", List.of(BigDecimal.ONE, true));
        return expected;
    }
}
