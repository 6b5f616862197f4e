package dev.tern.application.sys;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonAndTopicLevelTest {

    private static String quote(String value) {
        StringBuilder out = new StringBuilder();
        Json.quote(value, out);
        return out.toString();
    }

    @Test
    void escapesWhatJsonRequires() {
        assertThat(quote("plain é 😀")).isEqualTo("\"plain é 😀\"");
        assertThat(quote("q\"b\\n\nr\rt\tb\bf\f")).isEqualTo("\"q\\\"b\\\\n\\nr\\rt\\tb\\bf\\f\"");
        assertThat(quote("\u0000\u001f\u007f")).isEqualTo("\"\\u0000\\u001f\\u007f\"");
        assertThat(quote("lone \ud800 and \udc00")).isEqualTo("\"lone \\ud800 and \\udc00\"");
    }

    @Test
    void writesAFlatObject() {
        assertThat(new Json().string("a", "x").string("n", null).number("c", -3).bool("d", true).toString())
                .isEqualTo("{\"a\":\"x\",\"n\":null,\"c\":-3,\"d\":true}");
    }

    @Test
    void topicLevelsKeepSafeCharactersAndEncodeTheRest() {
        assertThat(TopicLevel.of("sensor-17_é😀")).isEqualTo("sensor-17_é😀");
        assertThat(TopicLevel.of("a/b+c#d%e")).isEqualTo("a%2Fb%2Bc%23d%25e");
        assertThat(TopicLevel.of("\u0000x\u0085")).isEqualTo("%00x%C2%85");
        assertThat(TopicLevel.of("bad\ud800")).isEqualTo("bad%EF%BF%BD");
        assertThat(TopicLevel.of("")).isEmpty();
    }
}
