package dev.tern.domain.topic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TopicNameTest {

    @Test
    void splitsIntoLevelsKeepingEmptyOnes() {
        assertThat(new TopicName("/finance").levels()).containsExactly("", "finance");
        assertThat(new TopicName("a//b/").levels()).containsExactly("a", "", "b", "");
        assertThat(new TopicName("/").levels()).containsExactly("", "");
        assertThat(new TopicName("sport").levels()).containsExactly("sport");
    }

    @Test
    void returnsAFreshArrayOnEveryCall() {
        TopicName topic = new TopicName("a/b");
        topic.levels()[0] = "changed";

        assertThat(topic.levels()).containsExactly("a", "b");
    }
}
