package dev.tern.application.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.tern.application.port.out.BrokerEvent;
import dev.tern.application.port.out.BrokerEventListener;
import dev.tern.application.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class EventDispatcherTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock(0);
    private final ThreadFactory threads = task -> new Thread(task, "events-test");
    private EventDispatcher dispatcher;

    private static BrokerEvent event(int n) {
        return new BrokerEvent.SessionExpired(Instant.EPOCH, "c" + n);
    }

    private static List<BrokerEvent> events(int from, int to) {
        return IntStream.range(from, to).mapToObj(EventDispatcherTest::event).toList();
    }

    private EventDispatcher dispatcher(int capacity, BrokerEventListener... listeners) {
        dispatcher = new EventDispatcher(List.of(listeners), capacity, threads, clock);
        return dispatcher;
    }

    @AfterEach
    void stopDispatchThread() {
        if (dispatcher != null) {
            dispatcher.stop(GENEROUS);
        }
    }

    /** A listener that records what it gets, on which thread. */
    private static final class Recording implements BrokerEventListener {
        final List<BrokerEvent> received = new CopyOnWriteArrayList<>();
        final List<String> threadNames = new CopyOnWriteArrayList<>();

        @Override
        public void onEvent(BrokerEvent event) {
            received.add(event);
            threadNames.add(Thread.currentThread().getName());
        }
    }

    /** A listener stuck in its first call until released. */
    private static final class Stuck implements BrokerEventListener {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onEvent(BrokerEvent event) {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    @Test
    void deliversEveryEventToEveryListenerInOrderOnTheDispatchThread() {
        Recording first = new Recording();
        Recording second = new Recording();
        dispatcher(1000, first, second).start();

        events(0, 200).forEach(dispatcher::emit);
        assertThat(dispatcher.stop(GENEROUS)).isZero();

        assertThat(first.received).containsExactlyElementsOf(events(0, 200));
        assertThat(second.received).containsExactlyElementsOf(events(0, 200));
        assertThat(first.threadNames).containsOnly("events-test");
        assertThat(dispatcher.counts()).isEqualTo(new EventCounts(200, 0, 0));
    }

    @Test
    void dropsAndCountsTheEventsAFullQueueCannotTake() {
        Recording listener = new Recording();
        dispatcher(3, listener);

        events(0, 5).forEach(dispatcher::emit);
        dispatcher.start();
        dispatcher.stop(GENEROUS);

        assertThat(listener.received).containsExactlyElementsOf(events(0, 3));
        assertThat(dispatcher.counts()).isEqualTo(new EventCounts(3, 2, 0));
    }

    @Test
    void neverBlocksTheEmitterWhileAListenerIsSlow() throws InterruptedException {
        Stuck stuck = new Stuck();
        dispatcher(2, stuck).start();
        dispatcher.emit(event(0));
        assertThat(stuck.entered.await(10, TimeUnit.SECONDS)).isTrue();

        events(1, 11).forEach(dispatcher::emit); // would hang here if emit waited for room
        stuck.release.countDown();
        dispatcher.stop(GENEROUS);

        assertThat(dispatcher.counts()).isEqualTo(new EventCounts(3, 8, 0));
    }

    @Test
    void countsAThrowingListenerAndStillDeliversToTheOthers() {
        BrokerEventListener failing = event -> {
            throw new IllegalStateException("broken plug-in");
        };
        Recording healthy = new Recording();
        Logger logger = (Logger) LoggerFactory.getLogger(EventDispatcher.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            dispatcher(10, failing, healthy).start();
            events(0, 3).forEach(dispatcher::emit);
            dispatcher.stop(GENEROUS);
        } finally {
            logger.detachAppender(log);
        }

        assertThat(healthy.received).containsExactlyElementsOf(events(0, 3));
        assertThat(dispatcher.counts()).isEqualTo(new EventCounts(3, 0, 3));
        // The first failure is logged with its stack trace; the next two within the minute are only counted.
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).singleElement()
                .satisfies(e -> assertThat(e.getThrowableProxy().getMessage()).isEqualTo("broken plug-in"));
    }

    @Test
    void stopDeliversWhatWasQueuedBeforeItEnds() {
        Recording listener = new Recording();
        dispatcher(100, listener);
        events(0, 50).forEach(dispatcher::emit);
        dispatcher.start();

        assertThat(dispatcher.stop(GENEROUS)).isZero();

        assertThat(listener.received).hasSize(50);
    }

    @Test
    void stopGivesUpOnAListenerThatHangsAndCountsWhatItLeft() {
        Stuck stuck = new Stuck();
        dispatcher(10, stuck).start();
        events(0, 3).forEach(dispatcher::emit);
        long started = System.nanoTime();

        int left = dispatcher.stop(Duration.ofMillis(200));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(left).isEqualTo(2);
        assertThat(dispatcher.counts().dropped()).isEqualTo(2);
    }

    @Test
    void dropsAndCountsWhatIsEmittedAfterStop() {
        Recording listener = new Recording();
        dispatcher(10, listener).start();
        dispatcher.stop(GENEROUS);

        dispatcher.emit(event(0));

        assertThat(listener.received).isEmpty();
        assertThat(dispatcher.counts()).isEqualTo(new EventCounts(0, 1, 0));
    }

    @Test
    void isForBrokersWithListenersOnly() {
        assertThat(BrokerEvents.NONE.enabled()).isFalse();
        assertThatThrownBy(() -> new EventDispatcher(List.of(), 10, threads, clock))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
