package dev.tern.application.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tern.domain.message.Qos;
import dev.tern.domain.subscription.SubscriptionOptions;
import dev.tern.domain.topic.NaiveTopicMatcher;
import dev.tern.domain.topic.RandomTopics;
import dev.tern.domain.topic.TopicFilter;
import dev.tern.domain.topic.TopicName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Writers subscribe and unsubscribe their own clients while readers match. Readers must never
 * fail and must always see the subscriptions nobody touches; the final index must agree with
 * the naive matcher over what each writer believes it left behind.
 */
class SubscriptionIndexConcurrencyTest {

    private static final int WRITERS = 3;
    private static final int READERS = 2;
    private static final int OPERATIONS_PER_WRITER = 4_000;
    private static final SubscriptionOptions OPTIONS = SubscriptionOptions.ofQos(Qos.AT_LEAST_ONCE);

    private final SubscriptionIndex index = new SubscriptionIndex();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final Map<SubscriberKey, SubscriptionOptions> finalState = new ConcurrentHashMap<>();

    @Test
    void readersSeeConsistentSnapshotsWhileWritersChurn() throws InterruptedException {
        index.subscribe("stable", TopicFilter.parse("a/#"), OPTIONS);
        index.subscribe("stable", TopicFilter.parse("+/b"), OPTIONS);
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong matchCalls = new AtomicLong();

        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            writers.add(new Thread(() -> guarded(() -> write(writer, start)), "writer-" + w));
        }
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            int reader = r;
            readers.add(new Thread(() -> guarded(() -> read(reader, start, writing, matchCalls)), "reader-" + r));
        }
        writers.forEach(Thread::start);
        readers.forEach(Thread::start);
        start.countDown();
        for (Thread writer : writers) {
            writer.join(60_000);
        }
        writing.set(false);
        for (Thread reader : readers) {
            reader.join(60_000);
        }

        assertThat(failures).isEmpty();
        assertThat(writers).noneMatch(Thread::isAlive);
        assertThat(readers).noneMatch(Thread::isAlive);
        assertThat(matchCalls.get()).as("readers ran alongside writers").isGreaterThan(0);
        finalState.put(new SubscriberKey("stable", TopicFilter.parse("a/#")), OPTIONS);
        finalState.put(new SubscriberKey("stable", TopicFilter.parse("+/b")), OPTIONS);
        assertFinalStateAgreesWithNaiveMatcher();
    }

    private void write(int writer, CountDownLatch start) throws InterruptedException {
        RandomTopics random = new RandomTopics(100 + writer);
        Map<SubscriberKey, SubscriptionOptions> mine = new HashMap<>();
        start.await();
        for (int i = 0; i < OPERATIONS_PER_WRITER; i++) {
            String client = "w" + writer + "-c" + random.nextInt(10);
            TopicFilter filter = TopicFilter.parse(random.filter());
            SubscriberKey key = new SubscriberKey(client, filter);
            int operation = random.nextInt(10);
            if (operation < 6) {
                index.subscribe(client, filter, OPTIONS);
                mine.put(key, OPTIONS);
            } else if (operation < 9) {
                boolean existed = index.unsubscribe(client, filter);
                assertThat(existed).as("unsubscribe %s", key).isEqualTo(mine.remove(key) != null);
            } else {
                List<TopicFilter> filters = new ArrayList<>();
                mine.keySet().removeIf(k -> k.clientId().equals(client) && filters.add(k.filter()));
                index.unsubscribeAll(client, filters);
            }
        }
        finalState.putAll(mine);
    }

    private void read(int reader, CountDownLatch start, AtomicBoolean writing, AtomicLong matchCalls)
            throws InterruptedException {
        RandomTopics random = new RandomTopics(200 + reader);
        TopicName stableTopic = new TopicName("a/b");
        start.await();
        while (writing.get()) {
            index.match(new TopicName(random.topic()), (client, filter, options) -> { });
            Set<String> stable = new HashSet<>();
            index.match(stableTopic, (client, filter, options) -> {
                if (client.equals("stable")) {
                    stable.add(filter.value());
                }
            });
            assertThat(stable).containsExactlyInAnyOrder("a/#", "+/b");
            matchCalls.incrementAndGet();
        }
    }

    private void assertFinalStateAgreesWithNaiveMatcher() {
        assertThat(index.size()).isEqualTo(finalState.size());
        RandomTopics random = new RandomTopics(300);
        for (int i = 0; i < 1_000; i++) {
            String topic = random.topic();
            Set<SubscriberKey> expected = new HashSet<>();
            finalState.keySet().forEach(key -> {
                if (NaiveTopicMatcher.matches(key.filter().filter(), topic)) {
                    expected.add(key);
                }
            });
            List<SubscriberKey> actual = new ArrayList<>();
            index.match(new TopicName(topic), (client, filter, options) -> actual.add(new SubscriberKey(client, filter)));

            assertThat(actual).as(topic).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private void guarded(Action action) {
        try {
            action.run();
        } catch (Throwable failure) {
            failures.add(failure);
        }
    }

    private interface Action {
        void run() throws Exception;
    }
}
