package dev.tern.application.retained;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.application.config.LimitsSettings;
import dev.tern.application.limits.LimitCounters;
import dev.tern.application.storage.NoRecorder;
import dev.tern.application.testing.ManualClock;
import dev.tern.domain.message.ApplicationMessage;
import dev.tern.domain.message.MessageProperties;
import dev.tern.domain.message.Payload;
import dev.tern.domain.message.Qos;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Which retained messages a SUBSCRIBE's filter finds, through the topic tree. */
class RetainedMessagesMatchingTest {

    private final RetainedMessages store = new RetainedMessages(NoRecorder.INSTANCE, LimitsSettings.defaults(),
            new LimitCounters(), new ManualClock(0));

    private static ApplicationMessage retained(String topic, String payload) {
        return ApplicationMessage.of(topic, payload.getBytes(StandardCharsets.UTF_8), Qos.AT_MOST_ONCE, true);
    }

    private List<String> topicsMatching(String filter, long now) {
        return store.matching(TopicFilter.parse(filter), now).stream().map(m -> m.topic().value()).sorted().toList();
    }

    @Test
    void aMultiLevelWildcardFindsItsParentLevelAndEverythingBelow() {
        for (String topic : List.of("sport", "sport/tennis", "sport/tennis/player1", "sports", "news/sport")) {
            store.retain(retained(topic, "x"), null);
        }
        // [MQTT-4.7.1-2]: "sport/#" also matches "sport".
        assertThat(topicsMatching("sport/#", 0)).containsExactly("sport", "sport/tennis", "sport/tennis/player1");
        assertThat(topicsMatching("+/sport", 0)).containsExactly("news/sport");
        assertThat(topicsMatching("sport/+", 0)).containsExactly("sport/tennis");
        assertThat(topicsMatching("sport", 0)).containsExactly("sport");
    }

    @Test
    void aLeadingWildcardDoesNotFindSystemTopics() {
        store.retain(retained("$SYS/broker/uptime", "1"), null);
        store.retain(retained("a/b", "1"), null);
        // [MQTT-4.7.2-1]
        assertThat(topicsMatching("#", 0)).containsExactly("a/b");
        assertThat(topicsMatching("+/broker/uptime", 0)).isEmpty();
        assertThat(topicsMatching("$SYS/#", 0)).containsExactly("$SYS/broker/uptime");
    }

    @Test
    void emptyLevelsAreLevelsToo() {
        for (String topic : List.of("/a", "a//b", "a/", "a")) {
            store.retain(retained(topic, "x"), null);
        }
        assertThat(topicsMatching("+/a", 0)).containsExactly("/a");
        assertThat(topicsMatching("a/+/b", 0)).containsExactly("a//b");
        assertThat(topicsMatching("a/+", 0)).containsExactly("a/");
        assertThat(topicsMatching("a/#", 0)).containsExactly("a", "a/", "a//b");
    }

    @Test
    void deletedTopicsAreNotFoundAndTheirBranchCanBeRetainedAgain() {
        store.retain(retained("a/b/c", "1"), null);
        store.retain(retained("a/b/c", ""), null);
        assertThat(topicsMatching("a/#", 0)).isEmpty();
        store.retain(retained("a/b/c/d", "2"), null);
        assertThat(store.delete(new TopicName("a/b/c/d"))).isTrue();
        assertThat(topicsMatching("#", 0)).isEmpty();
        store.retain(retained("a/b", "3"), null);
        assertThat(topicsMatching("a/#", 0)).containsExactly("a/b");
        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void anExpiredMessageIsDroppedWhenAFilterFindsIt() {
        store.retain(new ApplicationMessage(new TopicName("a/old"), Payload.wrap(new byte[] {1}), Qos.AT_MOST_ONCE,
                true, MessageProperties.NONE, "", 1_000), null);
        store.retain(retained("a/new", "1"), null);
        assertThat(topicsMatching("a/+", 2_000)).containsExactly("a/new");
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.get("a/old")).isNull();
    }

    @Test
    void replaceAllForgetsTheTopicsNoLongerLoaded() {
        store.retain(retained("a/1", "1"), null);
        store.replaceAll(List.of(retained("b/1", "1")));
        assertThat(topicsMatching("#", 0)).containsExactly("b/1");
    }

    @Test
    void aLookupWhileAnotherThreadRetainsAndDeletesAlwaysFindsTheTopicsThatStay() throws Exception {
        for (int i = 0; i < 50; i++) {
            store.retain(retained("s/stay/" + i, "x"), null);
        }
        AtomicBoolean done = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            // Branches beside the stable ones are made and pruned over and over.
            for (int round = 0; !done.get(); round++) {
                String topic = "s/" + (round % 7 == 0 ? "stay" : "churn" + round % 5) + "/c" + round % 11;
                store.retain(retained(topic, "y"), null);
                store.retain(retained(topic, ""), null);
            }
        });
        writer.start();
        try {
            for (int i = 0; i < 2_000; i++) {
                assertThat(topicsMatching("s/stay/+", 0)).hasSizeGreaterThanOrEqualTo(50)
                        .allSatisfy(topic -> assertThat(topic).startsWith("s/stay/"));
                assertThat(topicsMatching("s/#", 0)).filteredOn(topic -> topic.startsWith("s/stay/"))
                        .hasSizeGreaterThanOrEqualTo(50);
            }
        } finally {
            done.set(true);
            writer.join();
        }
        assertThat(topicsMatching("s/#", 0)).hasSize(50);
    }

    /** The tree finds exactly what testing every retained topic against the filter finds. */
    @RepeatedTest(20)
    void findsWhatAScanOfEveryTopicFinds() {
        SplittableRandom random = new SplittableRandom();
        String[] words = {"a", "b", "c", "", "$s"};
        Map<String, Boolean> held = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            String topic = randomTopic(random, words, false);
            boolean keep = random.nextInt(4) != 0;
            store.retain(retained(topic, keep ? "x" : ""), null);
            held.put(topic, keep);
        }
        for (int i = 0; i < 200; i++) {
            String filter = randomTopic(random, words, true);
            if (TopicFilter.parseOrNull(filter) == null) {
                continue;
            }
            List<String> expected = new ArrayList<>();
            held.forEach((topic, kept) -> {
                if (kept && TopicFilter.parse(filter).matches(new TopicName(topic))) {
                    expected.add(topic);
                }
            });
            assertThat(topicsMatching(filter, 0)).as(filter).containsExactlyElementsOf(expected.stream().sorted().toList());
        }
    }

    private static String randomTopic(SplittableRandom random, String[] words, boolean wildcards) {
        int levels = 1 + random.nextInt(4);
        StringBuilder text = new StringBuilder();
        for (int l = 0; l < levels; l++) {
            if (l > 0) {
                text.append('/');
            }
            int pick = random.nextInt(wildcards ? words.length + 2 : words.length);
            String word = pick < words.length ? words[pick] : pick == words.length ? "+" : "#";
            text.append(word.startsWith("$") && l > 0 ? "s" : word);
            if (word.equals("#")) {
                break;
            }
        }
        return text.length() == 0 ? "x" : text.toString();
    }
}
